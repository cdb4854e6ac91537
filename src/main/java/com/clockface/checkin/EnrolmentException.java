package com.clockface.checkin;

import com.clockface.vision.FaceQuality;

import java.util.List;
import java.util.stream.Collectors;

/** An enrolment image refused, with each reason as a code and a sentence. */
public class EnrolmentException extends Exception {
    private final List<FaceQuality.Problem> problems;

    public EnrolmentException(List<FaceQuality.Problem> problems) {
        super(problems.stream().map(FaceQuality.Problem::message).collect(Collectors.joining(" ")));
        this.problems = List.copyOf(problems);
    }

    public List<FaceQuality.Problem> problems() { return problems; }
}
