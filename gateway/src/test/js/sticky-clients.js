// Several official socket.io-clients at once through the gateway, each on its own connection:
//   node sticky-clients.js <url> <transports|default> <clients> <rounds>
// Each asks which instance serves it and makes <rounds> acknowledged round trips. Prints one JSON line.
const { io } = require('socket.io-client');

const [url, mode, clients, rounds] = process.argv.slice(2);
const options = { path: '/socket.io', reconnection: false, forceNew: true, timeout: 10000 };
if (mode !== 'default') {
  options.transports = mode.split(',');
}
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function client(index) {
  const seen = { index, errors: [], echoed: 0 };
  const socket = io(url, options);
  socket.on('connect_error', (err) => seen.errors.push('connect_error: ' + err.message));
  socket.on('disconnect', (reason) => seen.closing || seen.errors.push('disconnect: ' + reason));
  try {
    await new Promise((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    seen.firstTransport = socket.io.engine.transport.name;
    seen.instance = await socket.timeout(5000).emitWithAck('where');
    for (let round = 0; round < Number(rounds); round++) {
      const sent = { client: index, round, text: 'x'.repeat(round * 200) };
      const back = await socket.timeout(5000).emitWithAck('echo', sent);
      if (JSON.stringify(back) === JSON.stringify(sent)) {
        seen.echoed++;
      }
      await pause(20);
    }
    // the default set-up upgrades to websocket (the upgrade request carries the sid too)
    for (let waited = 0; mode === 'default' && socket.io.engine.transport.name !== 'websocket' && waited < 5000;
      waited += 50) {
      await pause(50);
    }
    seen.finalTransport = socket.io.engine.transport.name;
    seen.instanceAtEnd = await socket.timeout(5000).emitWithAck('where');
  } catch (err) {
    seen.errors.push(String(err && err.message ? err.message : err));
  } finally {
    seen.closing = true;
    socket.disconnect();
  }
  delete seen.closing;
  return seen;
}

setTimeout(() => {
  console.log(JSON.stringify({ mode, fatal: 'timeout' }));
  process.exit(0);
}, 60000).unref();

Promise.all(Array.from({ length: Number(clients) }, (_, index) => client(index))).then((results) => {
  console.log(JSON.stringify({ mode, clients: results }));
  process.exit(0);
});
