// Loads the service's test page, runs its own <script> in Node's vm with a minimal DOM and `ws` as the browser's
// WebSocket, connects (?autoconnect) and clicks ping, chat and test. Prints one JSON summary as its last line.
// Usage: node test-page-script.js http://host:port
'use strict';
const vm = require('vm');
const WebSocket = require('ws');

const base = process.argv[2];

function element(id) {
  return {
    id, value: id === 'session' ? 'page-' + Date.now() : (id === 'chat-text' ? 'Hello from the page' : ''),
    checked: true, textContent: '', className: '', scrollTop: 0, scrollHeight: 0, children: [],
    appendChild(child) { this.children.push(child); },
  };
}

async function main() {
  const response = await fetch(base + '/api/stream/test-page');
  const html = await response.text();
  const script = html.substring(html.lastIndexOf('<script>') + 8, html.lastIndexOf('</script>'));
  const elements = {};
  const url = new URL(base + '/api/stream/test-page?autoconnect');
  const window = {};
  const context = vm.createContext({
    window, WebSocket, URLSearchParams, JSON, Date, Math, Uint8Array, Int16Array, ArrayBuffer, DataView, String,
    Object, encodeURIComponent, console, setTimeout,
    btoa: (binary) => Buffer.from(binary, 'binary').toString('base64'),
    location: { protocol: url.protocol, host: url.host, search: url.search },
    document: {
      getElementById: (id) => (elements[id] = elements[id] || element(id)),
      createElement: () => element('line'),
    },
    navigator: {},
  });
  vm.runInContext(script, context);
  const log = () => (elements.log ? elements.log.children : []).map((line) => line.textContent);
  const waitFor = async (text) => {
    for (let i = 0; i < 100; i++) {
      if (log().some((line) => line.includes(text))) { return true; }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  };
  const summary = { status: response.status };
  summary.established = await waitFor('"type":"connection_established"');
  summary.state = window.mediaStreamTestPage.state();
  elements.ping.onclick();
  summary.pong = await waitFor('"type":"pong"');
  elements.chat.onclick();
  summary.chat = await waitFor('"type":"chat_message","message":"Hello from the page"');
  elements.test.onclick();
  summary.test = await waitFor('"type":"test_response"');
  elements.audio.onclick();
  summary.audio = await waitFor('"type":"audio_received"');
  elements['bad-json'].onclick();
  summary.badJson = await waitFor('"code":"INVALID_JSON"');
  elements.disconnect.onclick();
  summary.closed = await waitFor('socket closed');
  summary.statusText = elements.status.textContent;
  console.log(JSON.stringify(summary));
  process.exit(0);
}

main().catch((error) => {
  console.log(JSON.stringify({ fatal: String(error && error.stack) }));
  process.exit(1);
});
