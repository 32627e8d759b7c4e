// Writes a generated ladder of 50 levels into OUTDIR (`node scripts/ladder50.mjs OUTDIR`),
// in the layout and style of the seed (ladders/): Track/Role-Family/L<n>-<Title>.md, each
// level a first-person summary, four attributes, four or five dimensions with an emoji,
// about a dozen expectations and a `<details>` block of examples per dimension, about
// 3 KB of markdown a level like the seed's. The text is invented here, composed from the
// pools below by a seeded generator, so every run writes the same bytes. It stands in for
// a company's whole ladder in the size test and the first-paint benchmark (issue 16), and
// `ladder check OUTDIR` reports no errors for it.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/ladder50.mjs OUTDIR');
  process.exit(2);
}

// mulberry32: a small seeded generator, so the ladder is the same on every machine.
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(20261202);
const pick = (xs) => xs[Math.floor(random() * xs.length)];
/** `n` distinct items of `xs`, in a random order. */
function some(xs, n) {
  const rest = [...xs];
  const chosen = [];
  while (chosen.length < n && rest.length) chosen.push(rest.splice(Math.floor(random() * rest.length), 1)[0]);
  return chosen;
}

// What changes from one rung to the next, L1 to L8.
const RUNGS = [
  { prefix: 'Associate', scope: 'well-defined tasks', horizon: 'The current cycle', reach: 'My own work', reviewer: 'Manager', autonomy: 'Daily check-ins with a buddy or lead, who breaks work down for me.', how: 'with guidance from my lead', who: 'a curious newcomer to', grow: 'I am learning how our team works and building the habits of a dependable teammate' },
  { prefix: '', scope: 'small projects', horizon: 'This cycle and the next', reach: 'Myself and a few teammates', reviewer: 'Manager', autonomy: 'Weekly guidance on priorities; I plan the steps myself.', how: 'asking for help when I know I need it', who: 'a reliable member of', grow: 'I am widening what I can take on alone' },
  { prefix: 'Senior', scope: 'projects that take several weeks', horizon: 'Two to three cycles', reach: 'My team', reviewer: 'Manager and a peer from another team', autonomy: 'I set my own priorities within the team\'s goals and say early when they conflict.', how: 'on my own', who: 'an anchor of', grow: 'I raise the level of the people around me' },
  { prefix: 'Staff', scope: 'projects that span several teams', horizon: 'About half a year', reach: 'My team and the teams next to it', reviewer: 'Manager and the group lead', autonomy: 'I find the most valuable problems myself and agree them with my manager.', how: 'and help my team do the same', who: 'a trusted lead in', grow: 'I multiply what several teams can do' },
  { prefix: 'Senior Staff', scope: 'initiatives across a group of teams', horizon: 'About a year', reach: 'A group of teams', reviewer: 'Group lead and a calibration panel', autonomy: 'I shape the group\'s plans and am trusted to change course when the facts change.', how: 'across several teams', who: 'a steady voice across', grow: 'I set the technical and working standards that others follow' },
  { prefix: 'Principal', scope: 'the direction of a whole area', horizon: 'One to two years', reach: 'The department', reviewer: 'Department head and a calibration panel', autonomy: 'I decide what my area should work on and explain why to leadership.', how: 'across my area', who: 'a leader whose judgement shapes', grow: 'I make long bets that pay off for the whole department' },
  { prefix: 'Senior Principal', scope: 'strategy that crosses departments', horizon: 'Two to three years', reach: 'Several departments', reviewer: 'Executive sponsor', autonomy: 'I set direction with other leaders and am accountable for its outcome.', how: 'across the company', who: 'a strategic partner to', grow: 'I connect the company\'s goals to the work of many teams' },
  { prefix: 'Distinguished', scope: 'the company\'s long-term course', horizon: 'Several years', reach: 'The company and the wider community', reviewer: 'Executive team', autonomy: 'I choose where I can make the biggest difference, inside or outside the company.', how: 'and in the wider industry', who: 'a recognised authority for', grow: 'my work is known and reused well beyond our walls' },
];

// The roles: 8 + 7 + 7 + 6 + 7 + 7 + 8 = 50 levels.
const ROLES = [
  { track: 'Engineering', family: 'Platform-Engineering', noun: 'Platform Engineer', levels: 8, team: 'the platform group',
    sys: ['the build pipeline', 'our deployment tooling', 'the shared Kubernetes clusters', 'the service templates', 'the internal developer portal', 'the secrets store'],
    art: ['runbooks', 'golden paths', 'migration guides', 'architecture decision records'],
    peer: ['product teams', 'the security team', 'on-call engineers', 'the data group'],
    metric: ['build times', 'deploy frequency', 'change failure rate', 'cluster cost per service'] },
  { track: 'Engineering', family: 'Mobile-Engineering', noun: 'Mobile Engineer', levels: 7, team: 'the apps team',
    sys: ['the iOS app', 'the Android app', 'our release train', 'the offline sync layer', 'the design system components', 'crash reporting'],
    art: ['release notes', 'screen specifications', 'accessibility checklists', 'test plans'],
    peer: ['designers', 'the backend teams', 'customer support', 'product managers'],
    metric: ['crash-free sessions', 'cold start time', 'app store ratings', 'release cadence'] },
  { track: 'Engineering', family: 'Data-Engineering', noun: 'Data Engineer', levels: 7, team: 'the data platform team',
    sys: ['the ingestion jobs', 'the warehouse models', 'the event stream', 'the feature store', 'our orchestration scheduler', 'the reporting layer'],
    art: ['data contracts', 'lineage diagrams', 'schema changes', 'quality checks'],
    peer: ['analysts', 'machine learning engineers', 'finance', 'product teams'],
    metric: ['data freshness', 'pipeline failures', 'query cost', 'time to a new dataset'] },
  { track: 'Engineering', family: 'Quality-Engineering', noun: 'Quality Engineer', levels: 6, team: 'the quality guild',
    sys: ['the end-to-end suite', 'the test environments', 'our fixtures and seed data', 'the flaky test tracker', 'the load test rig', 'contract tests'],
    art: ['test strategies', 'bug reports', 'exploratory testing notes', 'release checklists'],
    peer: ['developers', 'product owners', 'support engineers', 'release managers'],
    metric: ['escaped defects', 'suite run time', 'flake rate', 'time to reproduce a bug'] },
  { track: 'Product', family: 'Product-Management', noun: 'Product Manager', levels: 7, team: 'the product group',
    sys: ['the onboarding flow', 'the billing experience', 'our roadmap', 'the discovery backlog', 'the pricing pages', 'the feedback inbox'],
    art: ['problem statements', 'opportunity briefs', 'launch plans', 'customer interview notes'],
    peer: ['engineering leads', 'designers', 'sales', 'customer success'],
    metric: ['activation rate', 'retention', 'time to value', 'net revenue retention'] },
  { track: 'Design', family: 'Product-Design', noun: 'Product Designer', levels: 7, team: 'the design studio',
    sys: ['the design system', 'the checkout journey', 'the settings pages', 'our prototype library', 'the research repository', 'the navigation model'],
    art: ['journey maps', 'usability findings', 'interaction specs', 'content guidelines'],
    peer: ['engineers', 'researchers', 'product managers', 'marketing'],
    metric: ['task success rate', 'support contacts per user', 'accessibility audit findings', 'time on task'] },
  { track: 'Operations', family: 'Customer-Support', noun: 'Support Specialist', levels: 8, team: 'the support desk',
    sys: ['the ticket queue', 'the help centre', 'our escalation path', 'the macros library', 'the status page', 'the chat channel'],
    art: ['help articles', 'escalation notes', 'incident summaries', 'training guides'],
    peer: ['engineers on call', 'account managers', 'the product group', 'billing'],
    metric: ['first response time', 'customer satisfaction', 'reopened tickets', 'self-service rate'] },
];

// Dimensions: name, emoji, expectation templates and example templates. `{x}` is filled
// from the role (sys, art, peer, metric) or the rung (scope, how).
const DIMENSIONS = [
  { emoji: '🧰', name: 'Craft',
    expect: [
      'I deliver {scope} in {sys} {how}.',
      'I keep {sys} easy to change by leaving it simpler than I found it.',
      'I write {art} that others can follow without asking me.',
      'I test my own work before asking for a review, and say what I did not test.',
      'I choose tools and approaches that fit the problem rather than the ones I know best.',
      'I measure {metric} before and after a change, so we know it helped.',
      'I understand how {sys} fails and design my changes with that in mind.',
      'I break {scope} into steps that can be shipped and reviewed on their own.',
      'I spot *accidental complexity* in {sys} and propose ways to remove it.',
      'I keep up with changes in my field and bring back what is useful for {sys}.',
    ],
    example: [
      'I rewrote a fragile part of {sys} in small steps, each shipped behind a flag, and nobody noticed the switch.',
      'I added a short section to our {art} after I tripped over the same setup problem twice.',
      'Before changing {sys}, I recorded {metric} for a week, which showed the real bottleneck was elsewhere.',
      'I found a cheaper way to run a nightly job in {sys} and wrote down how I checked it was still correct.',
      'A review of mine pointed out a missing edge case; I added a test for it and for two similar ones.',
      'I replaced a hand-written workaround in {sys} with the standard approach once the standard one caught up.',
      'I split a change that had grown too large into four reviews, which made each one quick to approve.',
    ] },
  { emoji: '🤝', name: 'Collaboration',
    expect: [
      'I keep {peer} informed about work that affects them, before it lands.',
      'I ask for feedback early, while it is still cheap to change course.',
      'I resolve disagreements about {sys} by focusing on the evidence and the goal.',
      'I make my work visible, so that others can build on it or point out problems.',
      'I give reviews that are timely, specific and kind.',
      'I bring {peer} into decisions that change how they work.',
      'I share credit generously and take responsibility for my mistakes.',
      'I adapt how I communicate to the people I work with.',
      'I follow through on what I promise, or say early when I cannot.',
    ],
    example: [
      'When a change to {sys} would affect {peer}, I sent a short note a week ahead and answered their questions in person.',
      'Two teammates disagreed on an approach; I wrote both options down with their costs and we chose in one meeting.',
      'I asked {peer} to review a draft of our {art} and changed the plan after their comments.',
      'I noticed a teammate was stuck on {sys} and paired with them for an afternoon.',
      'After missing a date, I told the people waiting on me what had happened and what the new plan was.',
      'I thanked a colleague from {peer} in our team channel for spotting a problem in my work.',
    ] },
  { emoji: '🌱', name: 'Growing others',
    expect: [
      'I help newcomers find their way around {sys}.',
      'I explain the reasons behind our practices, not only the rules.',
      'I use reviews and pairing to pass on what I know.',
      'I give honest feedback that helps people improve, in private and in good time.',
      'I mentor teammates on {scope} and celebrate their progress.',
      'I create opportunities for others to lead, and support them when they do.',
      'I improve our {art} so that knowledge does not live only in my head.',
      'I notice when someone is ready for more and tell their manager.',
    ],
    example: [
      'I was the buddy for two new joiners this cycle and both shipped a change to {sys} in their first fortnight.',
      'I ran a lunch session on how we measure {metric}, and recorded it for the people who could not come.',
      'Instead of fixing a teammate\'s change myself, I left questions in the review that led them to the fix.',
      'I handed over the lead of a piece of work on {sys} to a teammate and stayed on as their sounding board.',
      'I turned my notes from an incident into a section of our {art} that new people now read in their first week.',
    ] },
  { emoji: '🎯', name: 'Impact',
    expect: [
      'I focus on the work that matters most to our customers and say no to the rest.',
      'I deliver {scope} that measurably improve {metric}.',
      'I connect my work to the goals of {team} and can explain how it helps.',
      'I notice problems that nobody owns and make sure they get an owner.',
      'I weigh cost, risk and value before committing to work.',
      'I respond to urgent issues in {sys} calmly and quickly.',
      'I finish what I start, including the follow-up work after a launch.',
      'I turn vague requests from {peer} into clear, achievable goals.',
    ],
    example: [
      'I noticed {metric} had drifted for a month; I found the cause in {sys} and brought it back within a week.',
      'A request from {peer} would have taken a cycle; I proposed a smaller change that met the real need in three days.',
      'After a launch I went back to check {metric}, found a gap, and fixed it before anyone reported it.',
      'I dropped a piece of work I had started once it was clear it would not help our goals, and explained why.',
      'During an incident in {sys} I took notes for the team, which made the review afterwards quick and accurate.',
    ] },
  { emoji: '🔭', name: 'Direction',
    expect: [
      'I shape the plans for {sys} beyond the current cycle.',
      'I write {art} that help others make good decisions without me.',
      'I spot risks in our direction early and propose alternatives.',
      'I align {peer} on a shared view of where {sys} should go.',
      'I balance long-term health against short-term delivery, and explain the trade-off.',
      'I set standards for {scope} that other teams adopt.',
      'I retire things that no longer serve us, including my own past work.',
    ],
    example: [
      'I wrote a one-page plan for the next year of {sys} that three teams now use to order their work.',
      'I proposed retiring an old part of {sys}, gathered the evidence, and led its removal over two cycles.',
      'I brought {peer} together to agree how we measure {metric}, ending a long-running argument.',
      'I raised a risk in our plan early, suggested a cheaper path, and the group adopted it.',
    ] },
];

// Level 1 and 2 get four dimensions (no Direction); higher levels all five.
function dimensionsFor(rung) {
  return rung < 2 ? DIMENSIONS.slice(0, 4) : DIMENSIONS;
}

// Endings that an expectation or an example may take, so that levels read alike without
// repeating each other word for word (a real ladder gzips to about a quarter of its size).
const BECAUSE = [
  'even when the deadline is close', 'so that the team can plan around it', 'without being asked',
  'and write down what I learned', 'when it is the least exciting option', 'and check the result a month later',
  'so that nobody has to guess what I meant', 'before it turns into an incident', 'and invite others to challenge it',
  'while keeping the cost in view', 'and make the trade-offs explicit', 'in a way that outlasts my involvement',
  'whatever tool or language it is in', 'and leave a short trail for whoever comes next', 'with the customer in mind',
  'rather than waiting for the next planning round', 'and adjust when the evidence says so', 'so that on-call stays quiet',
];
const AFTER = [
  'The team still uses the approach', 'It took less time than the meeting about it would have', 'My manager asked me to share it more widely',
  'Nobody had to be paged for it since', 'The same pattern later saved another team a week', 'It became part of how we onboard people',
  'A customer wrote in to say the difference was noticeable', 'We measured the change and it held for the whole quarter',
  'It was not glamorous, but it removed a recurring chore', 'Two other teams copied it within a month', 'It started a habit we kept',
];

function fill(template, role, rung) {
  return template.replace(/\{(\w+)\}/g, (_, key) => {
    if (key === 'scope' || key === 'how') return RUNGS[rung][key];
    if (key === 'team') return role.team;
    return pick(role[key]);
  });
}

/**
 * `n` distinct sentences from `templates`, filled in, half of them with one of `endings`
 * (BECAUSE or AFTER); `taken` keeps the level's texts unique.
 */
function sentences(templates, n, role, rung, taken, endings) {
  const chosen = [];
  for (const t of some(templates, templates.length)) {
    if (chosen.length === n) break;
    let text = fill(t, role, rung);
    if (random() < 0.5) text = endings === BECAUSE ? `${text.slice(0, -1)}, ${pick(BECAUSE)}.` : `${text} ${pick(AFTER)}.`;
    const key = text.toLowerCase();
    if (taken.has(key)) continue;
    taken.add(key);
    chosen.push(text);
  }
  return chosen;
}

function level(role, rung) {
  const r = RUNGS[rung];
  const title = [r.prefix, role.noun].filter(Boolean).join(' ');
  const dims = dimensionsFor(rung);
  const lines = [
    `# L${rung + 1}: ${title}`,
    '',
    `> _I am ${r.who} ${role.team}. I take on ${r.scope} in ${pick(role.sys)} ${r.how}, and ${r.grow}._`,
    '',
    `- **Planning horizon**: ${r.horizon}`,
    `- **Reach**: ${r.reach}`,
    `- **Reviewed by**: ${r.reviewer}`,
    `- **Autonomy**: ${r.autonomy}`,
  ];
  const taken = new Set();
  // About a dozen expectations a level, as in the seed: 2 to 4 a dimension.
  for (const d of dims) {
    const expectations = sentences(d.expect, 2 + Math.floor(random() * (dims.length === 4 ? 3 : 2)), role, rung, taken, BECAUSE);
    const examples = sentences(d.example, 1 + Math.floor(random() * 4), role, rung, new Set(), AFTER);
    lines.push('', `## ${d.emoji} ${d.name}`, '');
    for (const e of expectations) lines.push(`- ${e}`);
    lines.push('', '<details>', '<summary>Examples</summary>', '');
    for (const e of examples) lines.push(`- ${e}`);
    lines.push('', '</details>');
  }
  return { title, text: lines.join('\n') + '\n' };
}

// Files are written only when their bytes change and stray ones removed, so a second run
// leaves every modification time alone and cargo does not rebuild the app for nothing.
const written = new Set();
let bytes = 0;
for (const role of ROLES) {
  const dir = path.join(out, role.track, role.family);
  await mkdir(dir, { recursive: true });
  for (let rung = 0; rung < role.levels; rung++) {
    const { title, text } = level(role, rung);
    const file = path.join(dir, `L${rung + 1}-${title.replaceAll(' ', '-')}.md`);
    if ((await readFile(file, 'utf8').catch(() => null)) !== text) await writeFile(file, text);
    written.add(path.resolve(file));
    bytes += Buffer.byteLength(text);
  }
}
for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
  const file = path.resolve(entry.parentPath ?? entry.path, entry.name);
  if (entry.isFile() && !written.has(file)) await rm(file);
}
console.log(`${out}: ${written.size} levels, ${(bytes / 1024).toFixed(1)} KB of markdown`);
