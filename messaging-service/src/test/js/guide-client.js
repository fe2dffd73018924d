// The messaging guide's client code (event handlers of ChatPage and the message/typing helpers) on Node's `ws`,
// two users in one conversation. Prints one JSON summary line.
// usage: node guide-client.js <ws base> <conversationId> <token of user A> <token of user B>
const WebSocket = require("ws");
const [base, conversationId, tokenA, tokenB] = process.argv.slice(2);

function createClient(name, token) {
  const handlers = {};
  const client = {
    name, messages: new Map(), order: [], received: [], typingSeen: [], errors: [], acks: [],
    on(type, fn) { handlers[type] = fn; },
    send(type, payload) { ws.send(JSON.stringify({ type, ...payload })); },
    ready: null,
  };
  const ws = new WebSocket(`${base}/ws?token=${encodeURIComponent(token)}`);
  client.ready = new Promise((resolve, reject) => {
    client.on("connection:authenticated", (data) => resolve(data.connectionId));
    ws.on("error", reject);
  });
  ws.on("message", (raw) => {
    const data = JSON.parse(raw.toString());
    if (handlers[data.type]) handlers[data.type](data);
  });
  client.close = () => ws.close();
  return client;
}

function wire(client) {
  const addMessage = (m) => { if (!client.messages.has(m.id)) client.order.push(m.id); client.messages.set(m.id, m); };
  const updateMessage = (id, patch) => client.messages.set(id, { ...(client.messages.get(id) || { id }), ...patch });
  client.on("message:receive", (data) => client.received.push(data.content) && addMessage({ id: data.messageId, role: "user", content: data.content,
    status: "sent", timestamp: new Date(data.timestamp), userId: data.userId }));
  client.on("message:stream", (data) => {
    const existing = client.messages.get(data.messageId);
    if (!existing) addMessage({ id: data.messageId, role: "assistant", content: data.content,
      status: data.isComplete ? "sent" : "streaming", timestamp: new Date(data.timestamp) });
    else updateMessage(data.messageId, { content: data.content, status: data.isComplete ? "sent" : "streaming" });
  });
  client.on("message:ack", (data) => {
    client.acks.push(data.status);
    updateMessage(data.messageId, { status: data.status === "error" ? "error" : "sent", error: data.error });
    if (data.status === "error") client.errors.push(data.error);
  });
  client.on("typing:start", (data) => client.typingSeen.push("start:" + data.userId));
  client.on("typing:stop", (data) => client.typingSeen.push("stop:" + data.userId));
  client.on("connection:error", (data) => client.errors.push(data.message));
}

const sendMessage = (client, content) => {
  const messageId = `msg-${Date.now()}-${Math.random().toString(36).substr(2, 9)}`;
  client.messages.set(messageId, { id: messageId, role: "user", content, status: "sending" });
  client.order.push(messageId);
  client.send("message:send", { messageId, conversationId, content, timestamp: new Date().toISOString() });
  return messageId;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

(async () => {
  const a = createClient("a", tokenA), b = createClient("b", tokenB);
  wire(a); wire(b);
  await Promise.all([a.ready, b.ready]);
  a.send("typing:start", { conversationId, timestamp: new Date().toISOString() });
  await sleep(300);
  a.send("typing:stop", { conversationId, timestamp: new Date().toISOString() });
  for (let i = 0; i < 3; i++) { sendMessage(a, "from a " + i); sendMessage(b, "from b " + i); }
  const deadline = Date.now() + 15000;
  const done = (c) => [...c.messages.values()].filter((m) => m.status === "sent").length >= 6;
  while (!(done(a) && done(b)) && Date.now() < deadline) await sleep(50);
  const view = (c) => c.order.map((id) => c.messages.get(id)).filter((m) => m.status === "sent").map((m) => m.content);
  console.log(JSON.stringify({ a: view(a), b: view(b), typingSeenByB: b.typingSeen, typingSeenByA: a.typingSeen,
    errors: a.errors.concat(b.errors), acksA: a.acks, receivedByA: a.received, receivedByB: b.received }));
  a.close(); b.close();
  process.exit(0);
})().catch((e) => { console.log(JSON.stringify({ fatal: String(e) })); process.exit(1); });
