package io.realtime.assessment.quiz.service;

/** No valid question could be produced (model output invalid after retries, or the bank is exhausted). */
public class QuestionUnavailableException extends RuntimeException {

    public QuestionUnavailableException(String message) {
        super(message, null, false, false);
    }
}
