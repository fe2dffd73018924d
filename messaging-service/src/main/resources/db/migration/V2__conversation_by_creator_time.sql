-- the conversation creation rate limit counts a user's conversations created in its window
CREATE INDEX conversation_by_creator_time ON conversation (created_by, created_at);
