// The public outcomes library: search by text, subject area, network and year, a page of results at a time, and each
// outcome in full at ?outcome=<id>. Signed-in people record there that they cascaded an outcome.
import { shell } from '../../shell.js';
import { api, ApiError } from '../../api.js';
import { el, formatDate, announce } from '../../dom.js';
import { AREAS, field, onSubmit, showErrors, failed, done, words, param, isoToday, networkList, fill } from './common.js';

const me = await shell();
const host = document.getElementById('library');
const PAGE_SIZE = 10;

const networks = await networkList();
const networkName = id => networks.find(network => network.id === id)?.name;

if (param('outcome')) await outcome(param('outcome'));
else await library();

async function library() {
  const query = new URLSearchParams(location.search);
  const thisYear = new Date().getFullYear();
  const form = el('form', { id: 'library-search', class: 'stacked', role: 'search', 'aria-label': 'Outcomes' },
    field('library', 'q', 'Search words', { value: query.get('q') || '',
      hint: 'Words from the title, summary or authors, such as "peer assessment".', attributes: { type: 'search' } }),
    field('library', 'area', 'Subject area', { value: query.get('area') || '',
      options: [['', 'Any subject area'], ...AREAS.map(area => [area, area])] }),
    field('library', 'networkId', 'Network', { value: query.get('networkId') || '',
      options: [['', 'Any network'], ...networks.map(network => [network.id, network.name])] }),
    field('library', 'year', 'Year published', { type: 'number', value: query.get('year') || '',
      attributes: { min: 2000, max: thisYear + 1, inputmode: 'numeric' } }),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Search the library')));
  const results = el('div', { id: 'library-results' });
  fill(host, 
    el('p', { class: 'lead' }, 'Reports, case studies and resources published by the exchange groups, free to read '
      + 'and share under their licences.'),
    form, results);
  onSubmit(form, async values => {
    const search = new URLSearchParams();
    for (const name of ['q', 'area', 'networkId', 'year']) if (values[name]) search.set(name, values[name]);
    history.replaceState(null, '', search.size ? `?${search}` : location.pathname);
    await show(results, search, 0, true);
  });
  await show(results, query, Number(query.get('page') || 0), false);
}

async function show(results, search, page, focus) {
  const query = new URLSearchParams(search);
  query.delete('outcome');
  query.set('page', String(page));
  query.set('size', String(PAGE_SIZE));
  let found;
  try {
    found = await api(`/api/exchange/outcomes?${query}`);
  } catch (error) {
    if (error instanceof ApiError && Object.keys(error.fieldErrors).length) {
      showErrors(document.getElementById('library-search'), error.fieldErrors);
      fill(results);
      return;
    }
    failed(results, error, 'The library');
    return;
  }
  // Beyond a threshold the API counts no further (moreThanTotal): the pages go on while they come back full.
  const pages = Math.max(1, Math.ceil(found.total / found.size));
  const counted = found.moreThanTotal ? `More than ${found.total.toLocaleString('en-GB')} outcomes`
    : `${found.total.toLocaleString('en-GB')} outcome${found.total === 1 ? '' : 's'}`;
  const heading = el('h2', { id: 'results-heading', tabindex: '-1' },
    found.total ? `${counted}, page ${found.page + 1}${found.moreThanTotal ? '' : ` of ${pages}`}` : 'No outcomes match');
  const nav = [];
  if (found.page > 0) nav.push(el('button', { type: 'button', class: 'secondary',
    onclick: () => show(results, search, found.page - 1, true) }, 'Previous page'));
  if (found.page + 1 < pages || (found.moreThanTotal && found.items.length === found.size)) nav.push(el('button', {
    type: 'button', class: 'secondary', onclick: () => show(results, search, found.page + 1, true) }, 'Next page'));
  fill(results, heading,
    found.items.length ? el('ol', { class: 'stack outcomes', start: found.page * found.size + 1 },
      found.items.map(item => el('li', { class: 'card' },
        el('h3', {}, el('a', { href: `/library.html?outcome=${item.id}` }, item.title)),
        el('p', {}, el('span', { class: 'tag' }, words(item.kind)), el('span', { class: 'tag' }, item.subjectArea),
          ` Published ${formatDate(item.publishedAt)}`, networkName(item.networkId) ? ` by ${networkName(item.networkId)}` : ''),
        el('p', { class: 'summary' }, excerpt(item.summary)))))
      : el('p', {}, 'Try fewer words or another subject area.'),
    nav.length ? el('nav', { class: 'actions', 'aria-label': 'Pages of results' }, nav) : null);
  if (focus) {
    heading.focus();
    announce(heading.textContent);
  }
}

function excerpt(text) {
  return text.length > 280 ? `${text.slice(0, 277).trimEnd()}…` : text;
}

async function outcome(id) {
  let item;
  try {
    item = await api(`/api/exchange/outcomes/${encodeURIComponent(id)}`);
  } catch (error) {
    failed(host, error, 'This outcome');
    return;
  }
  document.title = `${item.title} - Outcomes library - Exchange`;
  document.getElementById('title').textContent = item.title;
  const reach = item.reach || { disseminations: 0, peopleReached: 0, outsideOrganisation: 0 };
  fill(host, 
    el('p', {}, el('a', { href: '/library.html' }, 'Back to the outcomes library')),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Kind'), el('dd', { 'data-testid': 'outcome-kind' }, words(item.kind)),
      el('dt', {}, 'Subject area'), el('dd', {}, item.subjectArea),
      el('dt', {}, 'Authors'), el('dd', { 'data-testid': 'outcome-authors' }, item.authorNames.join(', ')),
      networkName(item.networkId) ? [el('dt', {}, 'Network'), el('dd', {}, networkName(item.networkId))] : null,
      el('dt', {}, 'Published'), el('dd', {}, formatDate(item.publishedAt)),
      el('dt', {}, 'Licence'), el('dd', {}, item.licence),
      el('dt', {}, 'Disseminated'), el('dd', {}, `${reach.disseminations} time${reach.disseminations === 1 ? '' : 's'}, `
        + `reaching ${reach.peopleReached} people (${reach.outsideOrganisation} outside their organisation)`)),
    el('h2', {}, 'Summary'),
    el('p', { class: 'summary', 'data-testid': 'outcome-summary' }, item.summary),
    el('p', {}, el('a', { class: 'button', href: item.linkUrl, rel: 'noopener' }, 'Open the outcome',
      el('span', { class: 'visually-hidden' }, ` ${item.title}`))),
    me.authenticated ? dissemination(item) : el('p', {},
      'Shared this outcome with colleagues? Sign in to record it.'));
}

function dissemination(item) {
  const message = el('div', { id: 'dissemination-done' });
  const form = el('form', { id: 'dissemination', class: 'stacked' },
    field('dissemination', 'audience', 'Who you shared it with', { required: true,
      hint: 'For example: the maths team at my college, or a regional ESOL network.' }),
    field('dissemination', 'peopleReached', 'How many people', { type: 'number', required: true,
      attributes: { min: 1, max: 100000, inputmode: 'numeric' } }),
    field('dissemination', 'disseminatedOn', 'When', { type: 'date', required: true, value: isoToday(),
      attributes: { max: isoToday() } }),
    field('dissemination', 'insideOrganisation', 'They work in my own organisation', { type: 'checkbox', value: true }),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Record the dissemination')));
  onSubmit(form, async values => {
    await api(`/api/exchange/outcomes/${item.id}/disseminations`, { method: 'POST', body: {
      audience: values.audience, insideOrganisation: values.insideOrganisation,
      peopleReached: Number(values.peopleReached), disseminatedOn: values.disseminatedOn } });
    form.reset();
    done(message, `Recorded: you shared "${item.title}".`);
  });
  return el('section', { 'aria-labelledby': 'dissemination-heading' },
    el('h2', { id: 'dissemination-heading' }, 'Record that you shared it'), message, form);
}
