package com.clockface.vision;

/** A model that cannot be found, fetched or trusted, with a sentence that says what to do. */
public class ModelException extends Exception {
    public ModelException(String message) { super(message); }
    public ModelException(String message, Throwable cause) { super(message, cause); }
}
