package io.realtime.assessment.quiz.ai;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtime.assessment.quiz.domain.AnswerOption;
import io.realtime.assessment.quiz.domain.Difficulty;
import io.realtime.assessment.quiz.domain.QuestionContent;

/**
 * Turns a model's answer into a question, or rejects it: JSON (code fences tolerated), non-empty text, four distinct
 * non-empty options A-D, one correct option among them, a known difficulty.
 */
@ApplicationScoped
public class GeneratedQuestionParser {

    private static final int MAX_TEXT = 2000;

    private final ObjectMapper mapper;

    public GeneratedQuestionParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Optional<QuestionContent> parse(String output, Difficulty requested, String requestedSkill) {
        if (output == null) {
            return Optional.empty();
        }
        String json = stripFences(output.trim());
        try {
            JsonNode root = mapper.readTree(json);
            String text = text(root, "text");
            JsonNode optionsNode = root.get("options");
            AnswerOption correct = AnswerOption.parse(text(root, "correct_option")).orElse(null);
            if (text == null || optionsNode == null || !optionsNode.isObject() || correct == null) {
                return Optional.empty();
            }
            List<String> options = new ArrayList<>();
            for (AnswerOption option : AnswerOption.values()) {
                String value = text(optionsNode, option.name());
                if (value == null) {
                    return Optional.empty();
                }
                options.add(value);
            }
            if (optionsNode.size() != 4 || new HashSet<>(options).size() != 4) {
                return Optional.empty();
            }
            Difficulty difficulty = Optional.ofNullable(text(root, "difficulty")).flatMap(Difficulty::ofWireName)
                    .orElse(requested);
            String skill = Optional.ofNullable(text(root, "skill")).orElse(requestedSkill);
            return Optional.of(new QuestionContent(text, options, correct, difficulty, skill,
                    text(root, "explanation")));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() || text.length() > MAX_TEXT ? null : text;
    }

    private static String stripFences(String output) {
        if (output.startsWith("```")) {
            int start = output.indexOf('\n');
            int end = output.lastIndexOf("```");
            if (start > 0 && end > start) {
                return output.substring(start + 1, end).trim();
            }
        }
        int first = output.indexOf('{');
        int last = output.lastIndexOf('}');
        return first >= 0 && last > first ? output.substring(first, last + 1) : output;
    }
}
