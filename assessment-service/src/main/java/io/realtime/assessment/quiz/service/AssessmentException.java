package io.realtime.assessment.quiz.service;

import io.realtime.protocol.error.ErrorCode;

/** A rule of the assessment was broken; the endpoint answers with the guide's error frame. */
public class AssessmentException extends RuntimeException {

    private final ErrorCode code;

    public AssessmentException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
