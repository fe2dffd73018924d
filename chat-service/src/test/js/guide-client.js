// The chat guide's ChatWebSocket class, copied unchanged from ../shared/specs/chat-protocol.md (between the markers),
// driven on Node's `ws` by GuideClientTest. Prints one JSON summary line last.
// usage: node guide-client.js <ws base> <http base> <expired session id> <its visitor id>
globalThis.WebSocket = require("ws");

// ---- the guide's class, unchanged ----
class ChatWebSocket {
    constructor(url) {
        this.url = url;
        this.ws = null;
        this.reconnectAttempts = 0;
        this.maxReconnectAttempts = 5;
        this.reconnectDelay = 1000;
        this.onMessageCallback = null;
        this.onErrorCallback = null;
        this.onCloseCallback = null;
    }

    connect() {
        try {
            this.ws = new WebSocket(this.url);
            
            this.ws.onopen = () => {
                console.log('WebSocket connected');
                this.reconnectAttempts = 0;
            };

            this.ws.onmessage = (event) => {
                try {
                    const data = JSON.parse(event.data);
                    this.handleMessage(data);
                } catch (error) {
                    console.error('Error parsing WebSocket message:', error);
                }
            };

            this.ws.onerror = (error) => {
                console.error('WebSocket error:', error);
                if (this.onErrorCallback) {
                    this.onErrorCallback(error);
                }
            };

            this.ws.onclose = () => {
                console.log('WebSocket disconnected');
                if (this.onCloseCallback) {
                    this.onCloseCallback();
                }
                this.attemptReconnect();
            };

        } catch (error) {
            console.error('Error creating WebSocket connection:', error);
        }
    }

    handleMessage(data) {
        switch (data.type) {
            case 'chunk':
                // Streaming chunk received
                if (this.onMessageCallback) {
                    this.onMessageCallback({
                        type: 'chunk',
                        chunk: data.chunk,
                        done: data.done,
                        messageId: data.message_id
                    });
                }
                break;
            
            case 'complete':
                // Response complete
                if (this.onMessageCallback) {
                    this.onMessageCallback({
                        type: 'complete',
                        responseId: data.response_id,
                        messageId: data.message_id,
                        conversationData: data.conversation_data,
                        complete: data.complete,
                        needsInfo: data.needs_info,
                        suggestions: data.suggestions
                    });
                }
                break;
            
            case 'error':
                // Error received
                if (this.onErrorCallback) {
                    this.onErrorCallback(new Error(data.error));
                }
                break;
        }
    }

    sendMessage(message, sessionId, visitorId) {
        if (this.ws && this.ws.readyState === WebSocket.OPEN) {
            const payload = {
                type: 'chat_message',
                message: message,
                session_id: sessionId,
                visitor_id: visitorId
            };
            this.ws.send(JSON.stringify(payload));
        } else {
            console.error('WebSocket is not connected');
        }
    }

    attemptReconnect() {
        if (this.reconnectAttempts < this.maxReconnectAttempts) {
            this.reconnectAttempts++;
            setTimeout(() => {
                console.log(`Attempting to reconnect (${this.reconnectAttempts}/${this.maxReconnectAttempts})...`);
                this.connect();
            }, this.reconnectDelay * this.reconnectAttempts);
        }
    }

    close() {
        if (this.ws) {
            this.ws.close();
            this.ws = null;
        }
    }

    setOnMessage(callback) {
        this.onMessageCallback = callback;
    }

    setOnError(callback) {
        this.onErrorCallback = callback;
    }

    setOnClose(callback) {
        this.onCloseCallback = callback;
    }
}
// ---- end of the guide's class ----

const [wsBase, httpBase, expiredSession, expiredVisitor] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const until = async (what, check, ms = 20000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for " + what);
    await sleep(20);
  }
};
const createSession = async () => {
  const response = await fetch(`${httpBase}/api/chats/sessions/`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: "{}",
  });
  if (response.status !== 201) throw new Error("session creation answered " + response.status);
  return response.json();
};

(async () => {
  const received = [];
  const errors = [];
  let closes = 0;
  const client = new ChatWebSocket(`${wsBase}/ws/chat/`);
  client.setOnMessage((data) => received.push(data));
  client.setOnError((error) => errors.push(error.message));
  client.setOnClose(() => closes++);
  client.connect();
  await until("open", () => client.ws && client.ws.readyState === WebSocket.OPEN);

  // one answer, as the React example assembles it
  const session = await createSession();
  let currentResponse = "";
  const answer = async (message, sessionId, visitorId) => {
    const before = received.length;
    client.sendMessage(message, sessionId, visitorId);
    await until("complete", () => received.slice(before).some((d) => d.type === "complete"));
    const frames = received.slice(before);
    currentResponse = frames.filter((d) => d.type === "chunk").map((d) => d.chunk).join("");
    return { text: currentResponse, chunks: frames.filter((d) => d.type === "chunk"),
      complete: frames.find((d) => d.type === "complete") };
  };
  const first = await answer("What is a novated lease?", session.session_id, session.visitor_id);

  // the guide's five errors
  const expectError = async (message, sessionId, visitorId) => {
    const before = errors.length;
    client.sendMessage(message, sessionId, visitorId);
    await until("error", () => errors.length > before);
    return errors[errors.length - 1];
  };
  const errorsSeen = [];
  errorsSeen.push(await expectError("", session.session_id, session.visitor_id));
  errorsSeen.push(await expectError("Hi", "11111111-2222-3333-4444-555555555555", session.visitor_id));
  errorsSeen.push(await expectError("Hi", session.session_id, "11111111-2222-3333-4444-555555555555"));
  errorsSeen.push(await expectError("Hi", expiredSession, expiredVisitor));
  const lead = await createSession();
  const details = await answer("My name is Jane Citizen, email jane@example.com", lead.session_id, lead.visitor_id);
  errorsSeen.push(await expectError("Hi again", lead.session_id, lead.visitor_id));

  // the connection drops: the class reconnects by itself, and chatting goes on
  const dropped = client.ws;
  dropped.terminate();
  await until("reconnect", () => client.ws !== dropped && client.ws.readyState === WebSocket.OPEN);
  const afterReconnect = await answer("Are tyres included?", session.session_id, session.visitor_id);

  console.log(JSON.stringify({
    firstText: first.text, firstChunks: first.chunks.length,
    firstMessageIds: [...new Set(first.chunks.map((c) => c.messageId))],
    firstComplete: first.complete,
    errors: errorsSeen,
    detailsComplete: details.complete,
    reconnectAttempts: client.reconnectAttempts, closes,
    afterReconnectText: afterReconnect.text,
    types: [...new Set(received.map((d) => d.type))],
  }));
  process.exit(0);
})().catch((e) => { console.log(JSON.stringify({ fatal: String(e) })); process.exit(1); });
