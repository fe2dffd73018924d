// The guide's React ChatComponent, its event handling kept as written (useState replaced by plain variables), on
// the official socket.io-client against project-docs-service:
//   node guide-chat.js <url> <transports|default> <token|-> <project id> <chat id> <question>
// Prints one JSON line: the component's state after the answer, and every event in the order it came.
const { io } = require('socket.io-client');

const [url, mode, token, projectId, chatId, question] = process.argv.slice(2);
const seen = [];
const done = (extra) => {
  console.log(JSON.stringify(Object.assign({ mode, seen }, extra)));
  process.exit(0);
};
setTimeout(() => done({ fatal: 'timeout' }), 30000);

// component state
let response = '';
let sources = [];
let completed = null;
const errors = [];

const options = { path: '/socket.io', transports: ['websocket'] };  // the component's own options
if (mode !== 'websocket') {
  if (mode === 'default') delete options.transports; else options.transports = mode.split(',');
}
if (token !== '-') options.auth = { token };
const newSocket = io(url, options);

newSocket.on('connect', () => {
  newSocket.emit('join_project', { project_id: Number(projectId) });
});
newSocket.on('connect_error', (err) => done({ fatal: 'connect_error: ' + err.message }));
newSocket.on('project_joined', () => {
  // sendMessage() as the component does it
  response = '';
  sources = [];
  newSocket.emit('send_message', {
    chat_id: Number(chatId),
    message: question,
    temperature: 0.7,
    include_history: true,
  });
});
newSocket.onAny((event) => seen.push(event));
newSocket.on('message_sources', (data) => { sources = data.sources; });
newSocket.on('message_token', (data) => { response = response + data.token; });
newSocket.on('message_complete', (data) => {
  completed = data;
  const rendered = sources.map((source) => `Document ${source.metadata.document_id}, Page ${source.metadata.page}`);
  newSocket.on('disconnect', (reason) => done({ response, sources, rendered, completed, errors, reason,
    transport: newSocket.io.engine ? newSocket.io.engine.transport.name : null }));
  setTimeout(() => newSocket.disconnect(), 100);
});
newSocket.on('error', (data) => { errors.push(data); });
