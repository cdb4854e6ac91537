package com.clockface.vision;

/** An image that cannot be used, with a sentence a person can act on. */
public class ImageException extends Exception {
    public ImageException(String message) { super(message); }
    public ImageException(String message, Throwable cause) { super(message, cause); }
}
