// The official socket.io-client against the conformance set-up: node official-client.js <url> <transports|default>
// Prints one JSON line: what the client saw.
const { io } = require('socket.io-client');

const [url, mode] = process.argv.slice(2);
const options = { path: '/socket.io', auth: { token: 'abc' }, reconnection: false };
if (mode !== 'default') {
  options.transports = mode.split(',');
}
const summary = { mode };
const done = (extra) => {
  Object.assign(summary, extra);
  console.log(JSON.stringify(summary));
  process.exit(0);
};
setTimeout(() => done({ fatal: 'timeout' }), 15000);

const socket = io(url, options);
socket.on('connect_error', (err) => done({ fatal: 'connect_error: ' + err.message }));
socket.on('auth', async (auth) => {
  summary.connected = socket.connected;
  summary.idLength = socket.id.length;
  summary.auth = auth;
  summary.firstTransport = socket.io.engine.transport.name;

  const back = new Promise((resolve) => socket.once('message-back', (...args) => resolve(args)));
  socket.emit('message', 1, 'two', { three: [true] }, Buffer.from([1, 2, 3]));
  const args = await back;
  summary.messageBack = [args[0], args[1], args[2], Array.from(args[3])];

  const acked = await new Promise((resolve, reject) => socket.timeout(5000)
    .emit('message-with-ack', 'x', Buffer.from([9, 8]), (err, a, b) => (err ? reject(err) : resolve([a, b]))));
  summary.ack = [acked[0], Array.from(acked[1])];

  // a large payload (500 kB) in one event
  const big = 'y'.repeat(500000);
  const bigBack = new Promise((resolve) => socket.once('message-back', (value) => resolve(value)));
  socket.emit('message', big);
  summary.bigLength = (await bigBack).length;

  // the polling-then-upgrade set-up ends on websocket
  await new Promise((resolve) => setTimeout(resolve, 500));
  summary.finalTransport = socket.io.engine.transport.name;

  // a second namespace on the same connection, and an unknown one refused
  const custom = io(url + '/custom', options);
  summary.customAuth = await new Promise((resolve) => custom.on('auth', resolve));
  const random = io(url + '/random', options);
  summary.randomError = await new Promise((resolve) => random.on('connect_error', (err) => resolve(err.message)));
  summary.sameManager = custom.io === socket.io;

  socket.on('disconnect', (reason) => done({ disconnectReason: reason }));
  socket.disconnect();
});
