// The assessment guide's client, as its frontend runs it: the AssessmentWebSocket connection handling and the
// React hook's handleMessage logic, with `ws` standing in for the browser's WebSocket. Prints one JSON summary line.
// usage: node guide-client.js <ws base url> <token> <test id> [disconnectAfterAnswers]
const WebSocket = require("ws");

const [base, token, testIdArg, disconnectAfterArg] = process.argv.slice(2);
const testId = Number(testIdArg);
const disconnectAfter = disconnectAfterArg ? Number(disconnectAfterArg) : -1;

const summary = { frames: [], errors: [], answered: [], finalScore: null, completed: false, reconnects: 0 };
const state = { connected: false, assessmentStarted: false, currentQuestion: null, currentQuestionId: null,
  progress: null, error: null, completed: false, finalScore: null };
let websocket = null;
let answersThisConnection = 0;

function connect() {
  const wsUrl = `${base}/ws/assessment/${testId}?token=${encodeURIComponent(token)}`;
  const ws = new WebSocket(wsUrl);
  ws.onopen = () => { websocket = ws; state.connected = true; state.error = null; answersThisConnection = 0; };
  ws.onmessage = (event) => handleMessage(JSON.parse(event.data));
  ws.onclose = (event) => {
    websocket = null;
    state.connected = false;
    if (state.completed) { finish(0); return; }
    if (summary.reconnects < 3) { summary.reconnects++; setTimeout(connect, 200); }
    else { finish(1); }
  };
  ws.onerror = (error) => { state.error = "Connection error occurred"; };
}

function sendMessage(message) {
  if (websocket && websocket.readyState === WebSocket.OPEN) websocket.send(JSON.stringify(message));
}
const startAssessment = () => sendMessage({ type: "start_assessment", data: { test_id: testId } });
const requestQuestion = () => sendMessage({ type: "get_question" });
const completeAssessment = () => sendMessage({ type: "complete_assessment" });
const submitAnswer = (questionId, selectedOption) =>
  sendMessage({ type: "submit_answer", data: { question_id: questionId, selected_option: selectedOption } });

// the hook's handleMessage, plus what a user does: answer each new question, complete at the end
function handleMessage(message) {
  summary.frames.push(message.type);
  switch (message.type) {
    case "auth_success":
      startAssessment();
      break;
    case "assessment_started":
      state.assessmentStarted = true; state.error = null;
      break;
    case "assessment_recovered":
      state.assessmentStarted = true; state.progress = message.data.progress; state.error = null;
      requestQuestion();
      break;
    case "question":
      state.currentQuestion = message.data.question; state.error = null;
      state.currentQuestionId = message.data.question_id;
      if (!summary.answered.includes(message.data.question_id)) { // the user answers what is on screen
        if (disconnectAfter >= 0 && answersThisConnection === disconnectAfter && summary.reconnects === 0) {
          websocket.terminate(); // connection lost without a close frame: the client reconnects
          return;
        }
        const option = state.currentQuestion.options[summary.answered.length % 4].id;
        summary.answered.push(message.data.question_id);
        answersThisConnection++;
        submitAnswer(message.data.question_id, option);
      }
      break;
    case "answer_feedback":
      state.progress = message.data.progress;
      if (message.data.progress.answered < message.data.progress.total) {
        setTimeout(() => requestQuestion(), 1000);
      } else {
        completeAssessment();
      }
      break;
    case "progress_update":
      state.progress = message.data;
      if (typeof state.progress.answered !== "number" || typeof state.progress.percentage_complete !== "number") {
        summary.errors.push("progress_update unusable by the component: " + JSON.stringify(message.data));
      }
      break;
    case "assessment_completed":
      state.completed = true; state.finalScore = message.data.final_score;
      summary.completed = true; summary.finalScore = message.data.final_score;
      websocket.close();
      break;
    case "error":
      state.error = message.error;
      summary.errors.push(message.error + " / " + (message.data && message.data.error));
      break;
  }
}

function finish(code) {
  console.log(JSON.stringify(summary));
  process.exit(code);
}

setTimeout(() => { summary.errors.push("timeout"); finish(2); }, 60000);
connect();
