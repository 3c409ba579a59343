// The demo contract's client side, written from the contract in issue 17 (see index.html).
const params = new URLSearchParams(location.search);
const THINK_SEC = Number(params.get('think') ?? 20);
const ANSWER_SEC = Number(params.get('answer') ?? 30);
const SCORE_KEYS = ['confidence', 'clarity', 'speech_rate', 'eye_contact', 'body_language', 'voice_tone'];

const $ = (id) => document.getElementById(id);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The demo records video/mp4; a browser that cannot falls back to WebM (the type it recorded is on <body data-recorded-type>). */
function recordingType() {
  for (const type of ['video/mp4', 'video/webm']) if (MediaRecorder.isTypeSupported(type)) return type;
  return '';
}

async function countdown(label, seconds) {
  for (let s = seconds; s > 0; s--) {
    $('status').textContent = `${label}: ${s} s`;
    await sleep(1000);
  }
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = false;
  $('status').textContent = '';
}

function showResults(data) {
  for (const key of SCORE_KEYS) document.querySelector(`[data-score="${key}"]`).textContent = `${data[key]}/10`;
  const list = $('key-points');
  list.replaceChildren();
  const points = Array.isArray(data.imp_points) ? data.imp_points : [];
  if (points.length === 0) list.innerHTML = '<li>No key points found</li>';
  for (const point of points) {
    const li = document.createElement('li');
    li.textContent = point;
    list.append(li);
  }
  $('results').hidden = false;
  $('status').textContent = 'Done.';
}

async function run() {
  $('start').disabled = true;
  $('error').hidden = true;
  $('results').hidden = true;
  try {
    const q = await fetch('/get_question');
    const qData = await q.json();
    if (!q.ok) return showError(qData.error);
    $('question').textContent = qData.question;

    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    $('preview').srcObject = stream;
    await countdown('Think about your answer', THINK_SEC);

    const mimeType = recordingType();
    document.body.dataset.recordedType = mimeType;
    const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : {});
    const chunks = [];
    recorder.ondataavailable = (e) => e.data.size > 0 && chunks.push(e.data);
    const stopped = new Promise((r) => (recorder.onstop = r));
    recorder.start(1000);
    document.body.dataset.recorderMime = recorder.mimeType;
    await countdown('Recording', ANSWER_SEC);
    recorder.stop();
    await stopped;
    for (const track of stream.getTracks()) track.stop();

    const form = new FormData();
    form.append('video', new Blob(chunks, { type: recorder.mimeType || mimeType }), mimeType === 'video/webm' ? 'interview.webm' : 'interview.mp4');
    $('status').textContent = 'Analyzing your answer. This may take around 3-4 mins.';
    const res = await fetch('/upload', { method: 'POST', body: form });
    const data = await res.json();
    if (!res.ok) return showError(data.error);
    showResults(data);
  } catch (err) {
    showError(`Something went wrong: ${err.message}`);
  } finally {
    $('start').disabled = false;
  }
}

$('start').addEventListener('click', run);
