-- message:send in one statement. Called outside an explicit transaction, so the user's advisory lock and the
-- conversation row lock are held only while the function runs, not across round trips to the service: the row lock
-- serialises a conversation's messages, and holding it for network round trips capped each conversation at a few
-- dozen messages a second.
--
-- outcome: 'stored' (the new message), 'duplicate' (this user sent this message_id before), 'taken' (another user
-- did), 'not_found', 'not_participant', or 'rate_limited' (limit_reached_at: when the oldest counted message was
-- sent, the window is full until it leaves). previous_at: when the message before a stored one was stored.
CREATE FUNCTION store_user_message(p_message_id TEXT, p_conversation_id UUID, p_sender_id TEXT, p_content TEXT,
                                   p_client_timestamp TIMESTAMPTZ, p_now TIMESTAMPTZ, p_rate_limit INT,
                                   p_window_start TIMESTAMPTZ,
                                   OUT outcome TEXT, OUT id BIGINT, OUT seq BIGINT, OUT created_at TIMESTAMPTZ,
                                   OUT includes_assistant BOOLEAN, OUT participants TEXT[],
                                   OUT limit_reached_at TIMESTAMPTZ, OUT previous_at TIMESTAMPTZ)
    LANGUAGE plpgsql
AS
$$
#variable_conflict use_variable
DECLARE
    existing message%ROWTYPE;
    sent     BIGINT;
BEGIN
    -- the same lock as ConversationRepository.lockUser: the rate count and the idempotency check are exact
    PERFORM pg_advisory_xact_lock(hashtext('messaging-user:' || p_sender_id));

    SELECT * INTO existing FROM message m WHERE m.message_id = p_message_id;
    IF FOUND THEN
        IF existing.sender_id <> p_sender_id THEN
            outcome := 'taken';
            RETURN;
        END IF;
        outcome := 'duplicate';
        id := existing.id;
        seq := existing.seq;
        created_at := existing.created_at;
        SELECT c.includes_assistant INTO includes_assistant FROM conversation c WHERE c.id = existing.conversation_id;
        RETURN;
    END IF;

    SELECT c.includes_assistant INTO includes_assistant FROM conversation c WHERE c.id = p_conversation_id;
    IF NOT FOUND THEN
        outcome := 'not_found';
        RETURN;
    END IF;
    PERFORM 1 FROM conversation_participant p
     WHERE p.conversation_id = p_conversation_id AND p.user_id = p_sender_id;
    IF NOT FOUND THEN
        outcome := 'not_participant';
        RETURN;
    END IF;

    SELECT count(*) INTO sent FROM message m
     WHERE m.sender_id = p_sender_id AND m.role = 'user' AND m.created_at > p_window_start;
    IF sent >= p_rate_limit THEN
        outcome := 'rate_limited';
        SELECT m.created_at INTO limit_reached_at FROM message m
         WHERE m.sender_id = p_sender_id AND m.role = 'user' AND m.created_at > p_window_start
         ORDER BY m.created_at DESC OFFSET p_rate_limit - 1 LIMIT 1;
        RETURN;
    END IF;

    UPDATE conversation c SET last_seq = c.last_seq + 1 WHERE c.id = p_conversation_id RETURNING c.last_seq INTO seq;
    INSERT INTO message (message_id, conversation_id, seq, sender_id, role, content, client_timestamp, created_at)
    VALUES (p_message_id, p_conversation_id, seq, p_sender_id, 'user', p_content, p_client_timestamp, p_now)
    RETURNING message.id INTO id;
    SELECT m.created_at INTO previous_at FROM message m WHERE m.conversation_id = p_conversation_id AND m.seq = seq - 1;
    created_at := p_now;
    SELECT array_agg(p.user_id ORDER BY p.joined_at) INTO participants
      FROM conversation_participant p WHERE p.conversation_id = p_conversation_id;
    outcome := 'stored';
END;
$$;
