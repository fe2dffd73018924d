// The media stream guide's client flow (useWebSocket: connect(sessionId), sendPing, sendChatMessage, sendAudioData
// with a Blob, plus video, test, transcription and the error cases), on Node's `ws` as a browser would run it.
// Usage: node guide-client.js ws://host:port  -> prints one JSON summary as its last line.
'use strict';
const WebSocket = require('ws');

const base = process.argv[2];

class StreamClient {
  constructor() {
    this.messages = [];
    this.waiters = [];
  }

  connect(sessionId) {
    this.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      this.ws = new WebSocket(`${base}/api/stream/ws/${sessionId}`);
      this.ws.onerror = (event) => reject(new Error('socket error ' + event.message));
      this.ws.onclose = (event) => { this.closed = { code: event.code, reason: event.reason }; };
      this.ws.onmessage = (event) => {
        const message = JSON.parse(event.data);
        this.messages.push(message);
        this.waiters = this.waiters.filter((waiter) => !waiter(message));
        if (message.type === 'connection_established') {
          this.clientId = message.client_id;
          resolve(message);
        }
      };
    });
  }

  send(type, fields) {
    this.ws.send(JSON.stringify(Object.assign({ type, session_id: this.sessionId,
      timestamp: new Date().toISOString() }, fields)));
  }

  sendPing() { this.send('ping', {}); }

  sendChatMessage(message) { this.send('chat', { message }); }

  async blobToBase64(blob) { return Buffer.from(await blob.arrayBuffer()).toString('base64'); }

  async sendAudioData(blob) { this.send('audio', { data: await this.blobToBase64(blob) }); }

  async sendVideoData(blob) { this.send('video', { data: await this.blobToBase64(blob) }); }

  async requestTranscription(blob) { this.send('transcription_request', { data: await this.blobToBase64(blob) }); }

  sendTest(data) { this.send('test', { data }); }

  next(type, timeout = 10000) {
    const index = this.messages.findIndex((m) => m.type === type);
    if (index >= 0) { return Promise.resolve(this.messages.splice(index, 1)[0]); }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no ' + type + ' within ' + timeout + ' ms')), timeout);
      this.waiters.push((message) => {
        if (message.type !== type) { return false; }
        clearTimeout(timer);
        this.messages.splice(this.messages.indexOf(message), 1);
        resolve(message);
        return true;
      });
    });
  }

  close() { this.ws.close(); }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const summary = {};
  const session = 'guide-' + Date.now();
  const alice = new StreamClient();
  const bob = new StreamClient();
  const stranger = new StreamClient();
  summary.established = await alice.connect(session);
  await bob.connect(session);
  await stranger.connect(session + '-other');

  alice.sendPing();
  summary.pong = await alice.next('pong');

  alice.sendChatMessage('Hello, world!');
  summary.aliceChat = await alice.next('chat_message');
  summary.bobChat = await bob.next('chat_message');
  summary.aliceId = alice.clientId;

  await alice.sendAudioData(new Blob(['audio data'], { type: 'audio/wav' }));
  summary.audio = await alice.next('audio_received');
  await bob.sendVideoData(new Blob([new Uint8Array(2048)], { type: 'video/webm' }));
  summary.video = await bob.next('video_received');
  alice.sendTest({ hello: 'world' });
  summary.test = await alice.next('test_response');

  await alice.requestTranscription(new Blob(['audio data'], { type: 'audio/webm' }));
  summary.transcriptionError = await alice.next('transcription_error', 30000);

  summary.errors = [];
  alice.ws.send('{"type": "ping"');
  summary.errors.push(await alice.next('error'));
  alice.send('dance', {});
  summary.errors.push(await alice.next('error'));
  alice.send('audio', {});
  summary.errors.push(await alice.next('error'));
  alice.send('video', { data: '***' });
  summary.errors.push(await alice.next('error'));
  alice.sendPing();
  summary.pongAfterErrors = await alice.next('pong');

  await sleep(300);
  summary.strangerTypes = stranger.messages.map((m) => m.type);
  summary.bobTypes = bob.messages.map((m) => m.type);
  alice.close();
  bob.close();
  stranger.close();
  await sleep(100);
  console.log(JSON.stringify(summary));
}

main().catch((error) => {
  console.log(JSON.stringify({ fatal: String(error && error.message) }));
  process.exit(1);
});
