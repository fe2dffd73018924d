package io.realtime.docs.chat.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.realtime.docs.document.domain.RetrievedChunk;

/**
 * The answer when no model is configured: the sentences of the top sources that share the most words with the
 * question (at most {@value #MAX_SENTENCES}), each followed by its source's number, in the order of the sources.
 * Nothing is made up: every sentence is quoted from a source.
 */
public final class ExtractiveAnswer {

    static final int MAX_SENTENCES = 3;
    static final String NOTHING_FOUND = "I could not find anything about this in the project's documents.";
    static final String INTRO = "From the project's documents:";

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n\\s*\\n|\\n(?=\\s*[-*#\\d])");
    private static final Pattern TOKEN = Pattern.compile("\\s*\\S+");
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "are", "was", "were", "what", "which",
            "who", "whom", "this", "that", "these", "those", "with", "from", "into", "about", "does", "did", "how",
            "why", "when", "where", "can", "could", "should", "would", "will", "have", "has", "had", "not", "but",
            "you", "your", "our", "its", "their", "there", "then", "than", "any", "all", "some", "tell", "please",
            "document", "documents", "say", "says");

    private record Candidate(int source, int position, String text, double score) {
    }

    private ExtractiveAnswer() {
    }

    public static String compose(String question, List<RetrievedChunk> sources) {
        if (sources.isEmpty()) {
            return NOTHING_FOUND;
        }
        Set<String> asked = terms(question);
        List<Candidate> candidates = new ArrayList<>();
        for (int source = 0; source < sources.size(); source++) {
            List<String> sentences = sentences(sources.get(source).content());
            for (int position = 0; position < sentences.size(); position++) {
                String sentence = sentences.get(position);
                double overlap = overlap(asked, terms(sentence));
                if (overlap > 0) {
                    double weight = sources.get(source).score() / Math.sqrt(1 + source);
                    candidates.add(new Candidate(source, position, sentence, overlap * (0.5 + weight)));
                }
            }
        }
        List<Candidate> chosen = candidates.stream()
                .sorted(Comparator.comparingDouble(Candidate::score).reversed())
                .limit(MAX_SENTENCES)
                .sorted(Comparator.comparingInt(Candidate::source).thenComparingInt(Candidate::position))
                .toList();
        if (chosen.isEmpty()) {
            List<String> first = sentences(sources.get(0).content());
            chosen = first.isEmpty() ? List.of() : List.of(new Candidate(0, 0, first.get(0), 0));
        }
        if (chosen.isEmpty()) {
            return NOTHING_FOUND;
        }
        StringBuilder answer = new StringBuilder(INTRO);
        for (Candidate candidate : chosen) {
            answer.append(' ').append(candidate.text()).append(" [").append(candidate.source() + 1).append(']');
        }
        return answer.toString();
    }

    /** The answer cut into the tokens it is streamed as: each word with the whitespace before it. */
    public static List<String> tokens(String answer) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(answer);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String part : SENTENCE_END.split(text)) {
            String sentence = part.replaceAll("\\s+", " ").strip();
            if (sentence.length() >= 3 && WORD.matcher(sentence).find()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    static Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            String word = matcher.group();
            if ((word.length() >= 3 || Character.isDigit(word.charAt(0))) && !STOP_WORDS.contains(word)) {
                terms.add(stem(word));
            }
        }
        return terms;
    }

    /** Light stemming, so that "lease" meets "leases" and "leasing". */
    private static String stem(String word) {
        return word.length() > 5 ? word.substring(0, 5) : word;
    }

    private static double overlap(Set<String> asked, Set<String> sentence) {
        if (asked.isEmpty() || sentence.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String term : asked) {
            if (sentence.contains(term)) {
                shared++;
            }
        }
        return shared / Math.sqrt(sentence.size());
    }
}
