// Acknowledgements and binary data on the guide's events with the official socket.io-client:
//   node acks-binary.js <url> <token> <project id> <chat id>
// Prints one JSON line with what the acks answered and the errors binary payloads got.
const { io } = require('socket.io-client');

const [url, token, projectId, chatId] = process.argv.slice(2);
const out = {};
const done = (extra) => {
  console.log(JSON.stringify(Object.assign(out, extra)));
  process.exit(0);
};
setTimeout(() => done({ fatal: 'timeout' }), 30000);

const socket = io(url, { path: '/socket.io', transports: ['websocket'], auth: { token }, reconnection: false });
socket.on('connect_error', (err) => done({ fatal: 'connect_error: ' + err.message }));
const errors = [];
socket.on('error', (data) => errors.push(data.message));

socket.on('connect', async () => {
  try {
    out.joinAck = await socket.timeout(5000).emitWithAck('join_project', { project_id: Number(projectId) });
    out.pingAck = await socket.timeout(5000).emitWithAck('ping', {});
    out.badJoinAck = await socket.timeout(5000).emitWithAck('join_project', { project_id: 'x' });
    out.binaryJoinAck = await socket.timeout(5000).emitWithAck('join_project', Buffer.from([1, 2, 3]));
    out.sendAck = await socket.timeout(5000).emitWithAck('send_message',
      { chat_id: Number(chatId), message: 'What is in the handbook?' });
    await new Promise((resolve) => socket.once('message_complete', resolve));
    out.binarySendAck = await socket.timeout(5000).emitWithAck('send_message',
      { chat_id: Number(chatId), message: Buffer.from('hello') });
    out.unknownAck = await socket.timeout(5000).emitWithAck('rename_project', { project_id: 1 });
    out.leaveAck = await socket.timeout(5000).emitWithAck('leave_project', { project_id: Number(projectId) });
    await new Promise((resolve) => setTimeout(resolve, 200));
    out.errors = errors;
    socket.disconnect();
    done({});
  } catch (e) {
    done({ fatal: String(e) });
  }
});
