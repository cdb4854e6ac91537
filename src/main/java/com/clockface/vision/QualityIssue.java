package com.clockface.vision;

/** Why a face image is not good enough, as a code for programs and a sentence for people. */
public enum QualityIssue {
    NO_FACE("No face was found in the image."),
    MULTIPLE_FACES("More than one face is in the image; use a photo of this person alone."),
    FACE_CUT_OFF("The face is cut off by the edge of the image."),
    EYES_TOO_CLOSE("The face is too small: the eyes must be at least %d pixels apart (they are %d)."),
    NOT_FRONTAL("The head is turned; the person must look straight into the camera."),
    TILTED("The head is tilted; keep it upright."),
    BLURRY("The photo is blurred or out of focus."),
    TOO_DARK("The face is too dark; use a well-lit photo."),
    TOO_BRIGHT("The face is over-exposed; avoid strong light or flash on the face."),
    FILE_TOO_LARGE("The file is larger than the %d MB allowed; export it smaller (e.g. 1200 px wide, JPEG quality 90)."),
    UNSUPPORTED_FORMAT("The file is not a PNG, JPEG or JPEG 2000 image."),
    UNREADABLE("The file cannot be read as an image.");

    private final String sentence;

    QualityIssue(String sentence) { this.sentence = sentence; }

    public String sentence(Object... args) {
        return args.length == 0 ? sentence.replace("%d", "the required number of") : String.format(sentence, args);
    }
}
