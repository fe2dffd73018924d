package io.realtime.chat.assistant.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.realtime.chat.session.domain.ChatSession;
import io.realtime.protocol.text.SafeText;

/**
 * What the sales team may learn about a visitor ({@code conversation_data}): only the fields below, each checked
 * against its format and against what the visitor actually wrote, so nothing is invented (a model's guess that the
 * visitor never typed is dropped).
 */
public final class VisitorDetails {

    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String POSTCODE = "postcode";
    public static final String VEHICLE_INTEREST = "vehicle_interest";
    public static final String SALARY_PACKAGE = "salary_package";
    public static final String EMPLOYER = "employer";
    public static final List<String> FIELDS = ChatSession.DATA_ORDER;

    private static final int MAX_FREE_TEXT = 120;
    private static final Pattern EMAIL_FORMAT = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** Australian numbers: mobile 04xx, landline 0[2378], with +61 or 61 instead of the 0. */
    private static final Pattern PHONE_FORMAT = Pattern.compile("(\\+?61|0)[2-478]\\d{8}");
    private static final Pattern POSTCODE_FORMAT = Pattern.compile("\\d{4}");
    private static final Pattern NAME_FORMAT = Pattern.compile("\\p{L}[\\p{L} .'-]{0,79}");

    private static final Pattern EMAIL_IN_TEXT = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern PHONE_IN_TEXT = Pattern.compile("(?<![\\d+])(?:\\+?61[\\s-]?|0)[2-478](?:[\\s-]?\\d){8}(?!\\d)");
    private static final Pattern POSTCODE_IN_TEXT = Pattern.compile("(?i)post\\s*code(?:\\s+is)?\\s*:?\\s*(\\d{4})\\b");
    private static final Pattern NAME_IN_TEXT = Pattern.compile(
            "(?:[Mm]y name is|[Mm]y name's|I'm|I am|[Tt]his is|[Cc]all me|[Nn]ame:)\\s+(\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+)?)");
    private static final Pattern EMPLOYER_IN_TEXT = Pattern.compile(
            "(?:I work (?:at|for)|[Mm]y employer is)\\s+(\\p{Lu}[\\p{L}&'.-]*(?:\\s+\\p{Lu}[\\p{L}&'.-]*){0,3})");

    private VisitorDetails() {
    }

    /** The sales team can follow up: a name and an email or a phone number. */
    public static boolean hasContact(Map<String, String> data) {
        return data.containsKey(NAME) && (data.containsKey(EMAIL) || data.containsKey(PHONE));
    }

    /** The proposed values that are well-formed and that the visitor wrote ({@code visitorText}); others dropped. */
    public static Map<String, String> validated(Map<String, ?> proposed, String visitorText) {
        Map<String, String> valid = new LinkedHashMap<>();
        String text = visitorText.toLowerCase(Locale.ROOT);
        String digits = visitorText.replaceAll("\\D", "");
        for (String field : FIELDS) {
            Object raw = proposed.get(field);
            if (!(raw instanceof String) && !(raw instanceof Number)) {
                continue;
            }
            String value = raw.toString().strip();
            if (value.isEmpty() || !SafeText.isSafe(value) || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                continue;
            }
            String accepted = switch (field) {
                case EMAIL -> EMAIL_FORMAT.matcher(value).matches() && text.contains(value.toLowerCase(Locale.ROOT))
                        ? value.toLowerCase(Locale.ROOT) : null;
                case PHONE -> {
                    String compact = value.replaceAll("[\\s()-]", "");
                    yield PHONE_FORMAT.matcher(compact).matches()
                            && digits.contains(compact.replaceAll("\\D", "").replaceFirst("^61", "")) ? compact : null;
                }
                case POSTCODE -> POSTCODE_FORMAT.matcher(value).matches()
                        && Pattern.compile("\\b" + value + "\\b").matcher(visitorText).find() ? value : null;
                case NAME -> NAME_FORMAT.matcher(value).matches() && wordsAppear(value, text) ? value : null;
                case EMPLOYER -> value.length() <= MAX_FREE_TEXT && text.contains(value.toLowerCase(Locale.ROOT))
                        ? value : null;
                default -> value.length() <= MAX_FREE_TEXT ? value : null;
            };
            if (accepted != null) {
                valid.put(field, accepted);
            }
        }
        return valid;
    }

    /** Details found by rules alone (no model): email, phone, "postcode 2000", "my name is ...", "I work at ...". */
    public static Map<String, String> byRules(String visitorText) {
        Map<String, String> found = new LinkedHashMap<>();
        first(EMAIL_IN_TEXT.matcher(visitorText), 0).ifPresent(email -> found.put(EMAIL, email));
        first(PHONE_IN_TEXT.matcher(visitorText), 0).ifPresent(phone -> found.put(PHONE, phone));
        first(POSTCODE_IN_TEXT.matcher(visitorText), 1).ifPresent(postcode -> found.put(POSTCODE, postcode));
        first(NAME_IN_TEXT.matcher(visitorText), 1).ifPresent(name -> found.put(NAME, name));
        first(EMPLOYER_IN_TEXT.matcher(visitorText), 1).ifPresent(employer -> found.put(EMPLOYER, employer));
        return validated(found, visitorText);
    }

    private static java.util.Optional<String> first(Matcher matcher, int group) {
        String last = null;
        while (matcher.find()) {
            last = matcher.group(group); // the latest mention wins (a corrected email)
        }
        return java.util.Optional.ofNullable(last);
    }

    private static boolean wordsAppear(String value, String lowerText) {
        for (String word : value.toLowerCase(Locale.ROOT).split("[\\s.]+")) {
            if (!word.isEmpty() && !lowerText.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
