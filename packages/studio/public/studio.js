// The studio page: plain JavaScript, no build step. Data comes from /api (the ledger through core);
// running jobs arrive as server-sent events, so nothing here polls.

// The token came in the URL once; the server set a cookie. Keep it out of the address bar and history.
if (new URLSearchParams(location.search).has('token'))
  history.replaceState(null, '', location.pathname + location.hash);

const $ = (selector, root = document) => root.querySelector(selector);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  for (const child of children) if (child != null) node.append(child);
  return node;
};

async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: options.body ? { 'content-type': 'application/json' } : {},
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok)
    throw Object.assign(new Error(body.error?.message ?? response.statusText), body.error ?? {});
  return body;
}
const post = (path, body = {}) => api(path, { method: 'POST', body: JSON.stringify(body) });

const state = { generations: [], jobs: new Map(), providers: [], defaultProvider: 'local' };

// ---- pages -------------------------------------------------------------------------------
function showPage() {
  const page = (location.hash || '#generations').slice(1);
  for (const section of document.querySelectorAll('.page')) section.hidden = section.id !== page;
  for (const link of document.querySelectorAll('nav a'))
    link.classList.toggle('active', link.dataset.page === page);
  if (page === 'sequences') loadSequences();
}
addEventListener('hashchange', showPage);

// ---- generations -------------------------------------------------------------------------
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
// USD and other ISO currencies as money; Runway credits as a plain count.
const amountIn = (amount, unit) =>
  /^[A-Z]{3}$/.test(unit)
    ? new Intl.NumberFormat(undefined, { style: 'currency', currency: unit }).format(amount)
    : `${new Intl.NumberFormat().format(amount)} ${unit}`;
const money = (cost) => (cost ? `${cost.estimated ? '≈ ' : ''}${amountIn(cost.amount, cost.currency)}` : '');

async function loadGenerations() {
  state.generations = await api('/api/generations');
  const providers = [...new Set(state.generations.map((g) => g.provider))].sort();
  const select = $('#filters [name=provider]');
  const chosen = select.value;
  select.replaceChildren(
    el('option', { value: '', textContent: 'all' }),
    ...providers.map((p) => el('option', { value: p, textContent: p })),
  );
  select.value = providers.includes(chosen) ? chosen : '';
  renderGrid();
  renderInterrupted();
}

function matches(generation, filters) {
  if (
    filters.status === 'paid'
      ? !generation.paidNotDownloaded
      : filters.status && generation.status !== filters.status
  )
    return false;
  if (filters.provider && generation.provider !== filters.provider) return false;
  const text = filters.text.trim().toLowerCase();
  if (!text) return true;
  return [generation.request.prompt, generation.model, generation.provider, generation.id].some((s) =>
    String(s).toLowerCase().includes(text),
  );
}

function actionButton(label, onClick, className = '') {
  return el('button', { type: 'button', textContent: label, className, onclick: onClick });
}

function renderGrid() {
  const form = $('#filters');
  const filters = { status: form.status.value, provider: form.provider.value, text: form.text.value };
  const shown = state.generations.filter((g) => matches(g, filters));
  const grid = $('#grid');
  grid.replaceChildren(...shown.map(card));
  $('#grid-empty').hidden = state.generations.length > 0;
  $('#summary').textContent = `${shown.length} of ${state.generations.length}`;
  const paid = state.generations.filter((g) => g.paidNotDownloaded).length;
  const banner = $('#paid-banner');
  banner.hidden = paid === 0;
  banner.textContent = `${paid} ${paid === 1 ? 'generation was' : 'generations were'} paid for but not downloaded: “Download again” fetches it without a new charge.`;
}

function card(generation) {
  const node = $('#card').content.firstElementChild.cloneNode(true);
  node.dataset.id = generation.id;
  node.dataset.status = generation.status;
  if (generation.paidNotDownloaded) node.classList.add('paid');
  const img = $('img', node);
  const play = $('.play', node);
  if (generation.hasVideo) {
    img.src = `/media/${encodeURIComponent(generation.id)}/poster.jpg`;
    img.alt = `Poster frame of ${generation.request.prompt}`;
    play.onclick = () => openPlayer(generation);
  } else {
    img.remove();
    play.remove();
    $('.poster', node).append(
      el('span', {
        className: 'no-video',
        textContent: generation.running ? 'running…' : 'no video on disk',
      }),
    );
  }
  $('.prompt', node).textContent = generation.request.prompt;
  $('.prompt', node).title = generation.request.prompt;
  const r = generation.request;
  $('.meta', node).append(
    el('span', {
      className: `status ${generation.status}`,
      textContent: generation.paidNotDownloaded
        ? `${generation.status} · paid, not downloaded`
        : generation.status,
    }),
    ` ${generation.provider}/${generation.model}`,
  );
  $('.meta2', node).textContent = [
    `${r.width}×${r.height}`,
    `${r.durationSeconds} s`,
    money(generation.cost),
    dateFormat.format(new Date(generation.createdAt)),
  ]
    .filter(Boolean)
    .join(' · ');
  if (generation.error)
    $('.meta2', node).after(el('p', { className: 'error-line', textContent: generation.error.message }));
  const actions = $('.actions', node);
  if (generation.resumable)
    actions.append(actionButton('Resume', () => startAction(generation, 'resume'), 'primary'));
  if (!generation.running && generation.status !== 'failed') {
    actions.append(
      actionButton(
        'Download again',
        () => startAction(generation, 'download'),
        generation.paidNotDownloaded && !generation.resumable ? 'primary' : '',
      ),
    );
  }
  actions.append(actionButton('Forget', () => forget(generation), 'quiet'));
  return node;
}

async function startAction(generation, action) {
  try {
    await post(`/api/generations/${encodeURIComponent(generation.id)}/${action}`);
    location.hash = '#jobs';
  } catch (error) {
    alert(error.message);
  }
}

async function forget(generation) {
  if (
    !confirm(
      `Forget ${generation.id}? The ledger entry goes; the video file (if any) stays.${generation.paidNotDownloaded ? '\n\nIt was paid for but not downloaded: once forgotten, it cannot be downloaded again from here.' : ''}`,
    )
  )
    return;
  try {
    await post(`/api/generations/${encodeURIComponent(generation.id)}/forget`);
  } catch (error) {
    alert(error.message);
  }
  await loadGenerations();
}

function openPlayer(generation) {
  const video = $('#video');
  video.src = `/media/${encodeURIComponent(generation.id)}/video.mp4`;
  $('#player-caption').textContent =
    `${generation.request.prompt} — ${generation.provider}/${generation.model}`;
  $('#player').showModal();
  video.play().catch(() => {});
}
$('#player').addEventListener('close', () => {
  const video = $('#video');
  video.pause();
  video.removeAttribute('src');
  video.load();
});
$('#filters').addEventListener('input', renderGrid);
$('#filters').addEventListener('submit', (event) => event.preventDefault());

// ---- running jobs ------------------------------------------------------------------------
const PHASES = ['validating', 'submitting', 'queued', 'running', 'downloading', 'done'];

function renderJobs() {
  const jobs = [...state.jobs.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  $('#job-list').replaceChildren(...jobs.map(jobItem));
  $('#jobs-empty').hidden = jobs.length > 0;
  const running = jobs.filter((job) => job.state === 'running').length;
  const count = $('#running-count');
  count.hidden = running === 0;
  count.textContent = String(running);
}

function jobItem(job) {
  const phase = job.state === 'running' ? (job.progress?.phase ?? 'validating') : job.state;
  const bar = el('progress', { max: 1 });
  if (job.state === 'succeeded') bar.value = 1;
  else if (typeof job.progress?.progress === 'number') bar.value = job.progress.progress;
  else if (job.state !== 'running') bar.value = 0;
  const steps = el(
    'ol',
    { className: 'phases' },
    ...PHASES.map((p) =>
      el('li', {
        textContent: p,
        className:
          PHASES.indexOf(p) < PHASES.indexOf(job.progress?.phase ?? '') || job.state === 'succeeded'
            ? 'past'
            : p === job.progress?.phase
              ? 'now'
              : '',
      }),
    ),
  );
  const item = el(
    'li',
    { className: `job ${job.state}` },
    el(
      'div',
      { className: 'job-head' },
      el('strong', { textContent: job.prompt || '(no prompt)' }),
      el('span', { className: `status ${job.state}`, textContent: phase }),
    ),
    el('p', {
      className: 'muted',
      textContent: `${job.kind} · ${job.provider}${job.progress?.jobId ? ` · job ${job.progress.jobId}` : ''} · ${job.outPath}`,
    }),
    bar,
    steps,
  );
  item.dataset.id = job.id;
  item.dataset.phase = phase;
  if (job.error) item.append(el('p', { className: 'error-line', textContent: job.error.message }));
  if (job.state === 'running')
    item.append(
      el(
        'div',
        { className: 'actions' },
        actionButton('Cancel', () => post(`/api/jobs/${job.id}/cancel`).catch((e) => alert(e.message))),
      ),
    );
  return item;
}

function renderInterrupted() {
  const interrupted = state.generations.filter((g) => g.resumable);
  $('#interrupted').replaceChildren(
    ...interrupted.map((g) =>
      el(
        'li',
        { className: 'job' },
        el(
          'div',
          { className: 'job-head' },
          el('strong', { textContent: g.request.prompt }),
          el('span', { className: `status ${g.status}`, textContent: g.status }),
        ),
        el('p', { className: 'muted', textContent: `${g.provider}/${g.model} · ${g.outPath}.job.json` }),
        el(
          'div',
          { className: 'actions' },
          actionButton('Resume', () => startAction(g, 'resume'), 'primary'),
        ),
      ),
    ),
  );
  $('#interrupted-empty').hidden = interrupted.length > 0;
}

function listenToJobs() {
  const events = new EventSource('/api/events');
  events.addEventListener('jobs', (event) => {
    state.jobs = new Map(JSON.parse(event.data).map((job) => [job.id, job]));
    renderJobs();
  });
  events.addEventListener('job', (event) => {
    const job = JSON.parse(event.data);
    const before = state.jobs.get(job.id);
    state.jobs.set(job.id, job);
    renderJobs();
    // The ledger changed when a job was submitted or ended: show it in the grid.
    const submitted = job.progress?.jobId && !before?.progress?.jobId;
    if (submitted || (before?.state === 'running' && job.state !== 'running')) loadGenerations();
  });
}

// ---- sequences ---------------------------------------------------------------------------
async function loadSequences() {
  const sequences = await api('/api/sequences');
  const byId = new Map(state.generations.map((g) => [g.id, g]));
  $('#sequence-list').replaceChildren(
    ...sequences.map((sequence) => {
      const strip = el('div', { className: 'strip' });
      sequence.clips.forEach((clip, index) => {
        const generation = clip.generationId ? byId.get(clip.generationId) : undefined;
        const media = (kind) =>
          generation?.hasVideo
            ? el('img', {
                src: `/media/${encodeURIComponent(generation.id)}/${kind}.jpg`,
                alt: `${kind} frame of clip ${clip.index}`,
              })
            : el('span', { className: 'no-video', textContent: 'no video' });
        strip.append(
          el(
            'figure',
            { className: 'clip' },
            media('poster'),
            el('figcaption', { textContent: `${clip.index}. ${clip.prompt}` }),
          ),
        );
        const boundary = sequence.boundaries[index];
        if (!boundary) return;
        const next = sequence.clips[index + 1];
        const nextGeneration = next?.generationId ? byId.get(next.generationId) : undefined;
        const frame = (g, kind) =>
          g?.hasVideo
            ? el('img', { src: `/media/${encodeURIComponent(g.id)}/${kind}.jpg`, alt: `${kind} frame` })
            : el('span', { className: 'no-video', textContent: '?' });
        const d = boundary.difference;
        const verdict = d == null ? 'unknown' : d < 3 ? 'good' : d < 8 ? 'fair' : 'bad';
        strip.append(
          el(
            'div',
            { className: `boundary ${verdict}` },
            el('div', { className: 'pair' }, frame(generation, 'last'), frame(nextGeneration, 'first')),
            el('span', { className: 'difference', textContent: d == null ? 'Δ ?' : `Δ ${d.toFixed(1)} %` }),
          ),
        );
      });
      return el(
        'article',
        { className: 'sequence' },
        el('h3', { textContent: `${sequence.dir}` }),
        el('p', {
          className: 'muted',
          textContent: `${sequence.provider}/${sequence.model} · ${sequence.clips.length} clips`,
        }),
        strip,
      );
    }),
  );
  $('#sequences-empty').hidden = sequences.length > 0;
}

// ---- new generation ----------------------------------------------------------------------
const form = $('#new-form');
const currentModel = () =>
  state.providers.find((p) => p.id === form.provider.value)?.models.find((m) => m.id === form.model.value);
const isRange = (value) => value && !Array.isArray(value);

function fillProviders() {
  form.provider.replaceChildren(
    ...state.providers.map((p) => el('option', { value: p.id, textContent: p.id })),
  );
  form.provider.value = state.providers.some((p) => p.id === state.defaultProvider)
    ? state.defaultProvider
    : (state.providers[0]?.id ?? '');
  fillModels();
}

function fillModels() {
  const provider = state.providers.find((p) => p.id === form.provider.value);
  const models = (provider?.models ?? []).filter((m) => m.status !== 'retired');
  form.model.replaceChildren(
    ...models.map((m) =>
      el('option', {
        value: m.id,
        textContent: `${m.name}${m.status && m.status !== 'ga' ? ` (${m.status})` : ''}`,
      }),
    ),
  );
  fillModel();
}

// For a model that renders any size in a range: a few common sizes that fit it, and custom.
function presetSizes(range, defaultSize) {
  const common = [
    [defaultSize.width, defaultSize.height],
    [1920, 1080],
    [1280, 720],
    [640, 360],
    [720, 1280],
    [1080, 1080],
  ];
  const fits = ([w, h]) =>
    w >= range.minWidth &&
    w <= range.maxWidth &&
    h >= range.minHeight &&
    h <= range.maxHeight &&
    w % range.multipleOf === 0 &&
    h % range.multipleOf === 0;
  const seen = new Set();
  return common
    .filter(fits)
    .filter(([w, h]) => !seen.has(`${w}x${h}`) && seen.add(`${w}x${h}`))
    .map(([width, height]) => ({ width, height }));
}

// Only what the model allows, from its ModelInfo: its sizes, durations and frame rates.
function fillModel() {
  const model = currentModel();
  if (!model) return;
  const sizes = isRange(model.sizes) ? presetSizes(model.sizes, model.defaultSize) : model.sizes;
  form.size.replaceChildren(
    ...sizes.map((s) =>
      el('option', {
        value: `${s.width}x${s.height}`,
        textContent: `${s.width}×${s.height}${s.label ? ` (${s.label})` : ''}`,
      }),
    ),
    ...(isRange(model.sizes)
      ? [el('option', { value: 'custom', textContent: 'custom (width × height)' })]
      : []),
  );
  const size = `${model.defaultSize.width}x${model.defaultSize.height}`;
  form.size.value = sizes.some((s) => `${s.width}x${s.height}` === size) ? size : form.size.options[0]?.value;
  form.width.value = model.defaultSize.width;
  form.height.value = model.defaultSize.height;
  const custom = form.size.value === 'custom';
  form.width.disabled = form.height.disabled = !custom;
  const set = (input, list, values, fallback) => {
    const range = isRange(values);
    input.min = range ? values.min : '';
    input.max = range ? values.max : '';
    input.step = range ? (values.step ?? 'any') : 'any';
    $(list).replaceChildren(...(range ? [] : values).map((v) => el('option', { value: v })));
    input.value = fallback;
  };
  set(form.durationSeconds, '#durations', model.durations, model.defaultDurationSeconds);
  set(form.fps, '#fps-values', model.fps, model.defaultFps);
  const describe = (values, unit) =>
    isRange(values) ? `${values.min}–${values.max}${unit}` : `${values.join(', ')}${unit}`;
  const images = model.images;
  $('#model-facts').textContent = [
    `durations ${describe(model.durations, ' s')}`,
    `fps ${describe(model.fps, '')}`,
    isRange(model.sizes)
      ? `any size ${model.sizes.minWidth}–${model.sizes.maxWidth} × ${model.sizes.minHeight}–${model.sizes.maxHeight}`
      : `${model.sizes.length} sizes`,
    images.firstFrame ? 'first frame' : 'no first frame',
    images.maxReferenceImages > 0
      ? `up to ${images.maxReferenceImages} reference images`
      : 'no reference images',
    `prompt ≤ ${model.maxPromptLength} chars`,
  ].join(' · ');
  scheduleCheck();
}

function formValues() {
  const [w, h] =
    form.size.value === 'custom' ? [form.width.value, form.height.value] : form.size.value.split('x');
  const num = (v) => (v === '' || v == null ? undefined : Number(v));
  return {
    provider: form.provider.value,
    model: form.model.value,
    prompt: form.prompt.value,
    width: num(w),
    height: num(h),
    durationSeconds: num(form.durationSeconds.value),
    fps: num(form.fps.value),
    images: form.images.value
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

let checkTimer;
let checkSerial = 0;
let lastCheckOk = false;
function scheduleCheck() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(runCheck, 200);
}

function showIssues(error) {
  const box = $('#check');
  box.className = 'wide check invalid';
  const issues = error.issues?.length ? error.issues : [{ field: '', message: error.message }];
  box.replaceChildren(
    el('strong', { textContent: `Not valid (${error.code ?? 'error'}): nothing will be sent or paid.` }),
    el(
      'ul',
      {},
      ...issues.map((issue) =>
        el('li', { textContent: issue.field ? `${issue.field}: ${issue.message}` : issue.message }),
      ),
    ),
  );
}

async function runCheck() {
  const serial = ++checkSerial;
  const box = $('#check');
  const values = formValues();
  if (!values.prompt.trim()) {
    lastCheckOk = false;
    box.className = 'wide check';
    box.textContent = 'Type a prompt: the request is checked as you type, before anything is paid.';
    $('#submit').disabled = true;
    return;
  }
  try {
    const { checked } = await post('/api/check', values);
    if (serial !== checkSerial) return;
    lastCheckOk = true;
    box.className = 'wide check valid';
    box.replaceChildren(
      el('strong', {
        textContent: `Valid: ${checked.provider}/${checked.model}, ${checked.width}×${checked.height}, ${checked.durationSeconds} s at ${checked.fps} fps (${checked.modelLifecycle}).`,
      }),
      ...(checked.warnings.length
        ? [
            el(
              'ul',
              {},
              ...checked.warnings.map((w) =>
                el('li', { textContent: `warning: ${w.message ?? w.feature ?? JSON.stringify(w)}` }),
              ),
            ),
          ]
        : []),
    );
  } catch (error) {
    if (serial !== checkSerial) return;
    lastCheckOk = false;
    showIssues(error);
  }
  $('#submit').disabled = !lastCheckOk;
}

form.addEventListener('input', (event) => {
  if (event.target === form.size) {
    const custom = form.size.value === 'custom';
    form.width.disabled = form.height.disabled = !custom;
    if (!custom) [form.width.value, form.height.value] = form.size.value.split('x');
  }
  scheduleCheck();
});
form.provider.addEventListener('change', fillModels);
form.model.addEventListener('change', fillModel);
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await post('/api/jobs', formValues());
    location.hash = '#jobs';
  } catch (error) {
    showIssues(error);
  }
});

// ---- start -------------------------------------------------------------------------------
showPage();
listenToJobs();
await Promise.all([
  loadGenerations(),
  api('/api/providers').then((result) => {
    state.providers = result.providers;
    state.defaultProvider = result.default;
    fillProviders();
  }),
]);
document.body.dataset.ready = 'true';
