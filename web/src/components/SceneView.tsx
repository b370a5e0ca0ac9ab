// "What the generator understood": the clip's scene graph made readable — subjects,
// setting, actions, dialogue (and lines the voice could not speak), moods, the words it
// did not understand — with the full JSON one click away (and open when the shape is not
// one it knows). The sketch engine nests the graph under `understood` (and its sound
// under `sound`); other backends may put the graph at the top.
import type { ComponentChildren } from 'preact';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const humanize = (key: string) => key.replace(/_/g, ' ');

/** A short phrase for any JSON value (used for shapes this view does not know). */
export function describe(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (!isObj(value) && !Array.isArray(value)) return String(value);
  if (Array.isArray(value)) return value.map(describe).filter(Boolean).join(', ');
  const name = text(value.name ?? value.word ?? value.kind ?? value.verb ?? value.text ?? value.label);
  const rest = Object.entries(value)
    .filter(([k, v]) => text(v) !== name && k !== 'id' && describe(v) !== '')
    .map(([k, v]) => `${humanize(k)}: ${describe(v)}`)
    .join('; ');
  return name ? (rest ? `${name} (${rest})` : name) : rest;
}

/** "2 red foxes — jumps" from a sketch subject; any other shape falls back to describe(). */
export function describeSubject(subject: unknown): string {
  if (!isObj(subject) || !(subject.word || subject.kind)) return describe(subject);
  const count = typeof subject.count === 'number' && subject.count > 1 ? `${subject.count} ` : '';
  const colour = text(subject.colour ?? subject.color);
  const word = text(subject.word) || text(subject.kind);
  const kind = subject.kind && subject.kind !== subject.word ? ` (${text(subject.kind)})` : '';
  const size = subject.size && subject.size !== 'normal' && subject.size !== 'medium' ? `${text(subject.size)} ` : '';
  return `${count}${size}${colour ? colour + ' ' : ''}${word}${kind}`;
}

function actionsOf(graph: Obj): string[] {
  if (Array.isArray(graph.actions)) return graph.actions.map(describe);
  if (!Array.isArray(graph.subjects)) return [];
  return graph.subjects
    .filter((s): s is Obj => isObj(s) && !!text(s.action))
    .map((s) => `${text(s.word) || text(s.kind)} ${text(s.action)}`);
}

function settingOf(graph: Obj): string {
  const parts = [graph.setting, graph.time_of_day, graph.weather].map((v) => (isObj(v) ? describe(v) : text(v)));
  return parts.filter(Boolean).join(', ');
}

function Group({ title, items }: { title: string; items: ComponentChildren[] }) {
  if (items.length === 0) return null;
  return (
    <div class="scene-group">
      <h3>{title}</h3>
      <ul>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

export function SceneView({ scene }: { scene: unknown }) {
  if (scene === null || scene === undefined) return null;
  const top = isObj(scene) ? scene : {};
  const graph = isObj(top.understood) ? top.understood : top;
  const subjects = Array.isArray(graph.subjects) ? graph.subjects.map(describeSubject).filter(Boolean) : [];
  const setting = settingOf(graph);
  const actions = actionsOf(graph);
  const dialogue = Array.isArray(graph.dialogue)
    ? graph.dialogue.map((d) => (isObj(d) ? `${text(d.speaker) || 'someone'}: “${text(d.text)}”` : describe(d)))
    : [];
  const moods = Array.isArray(graph.moods) ? graph.moods.map(text).filter(Boolean) : [];
  const unknown = Array.isArray(graph.unknown_words) ? graph.unknown_words.map(String) : [];
  // Lines the voice could not speak (the clip was made without them), with why.
  const sound = isObj(top.sound) ? top.sound : {};
  const notSpoken = Array.isArray(sound.not_spoken)
    ? sound.not_spoken.filter(isObj).map((n) => {
        const line = Array.isArray(graph.dialogue) ? graph.dialogue[Number(n.line)] : undefined;
        const said = isObj(line) ? ` “${text(line.text)}”` : '';
        return `${text(n.speaker) || 'someone'}:${said} (${text(n.reason) || 'not spoken'})`;
      })
    : [];
  const known = subjects.length + actions.length + dialogue.length + moods.length + unknown.length > 0 || setting !== '';

  return (
    <details class="scene-view" data-testid="scene-view">
      <summary>What the generator understood</summary>
      <Group title="Subjects" items={subjects} />
      <Group title="Setting" items={setting ? [setting] : []} />
      <Group title="Actions" items={actions} />
      <Group title="Dialogue" items={dialogue} />
      <Group title="Lines not spoken" items={notSpoken} />
      <Group title="Mood" items={moods.length ? [moods.join(', ')] : []} />
      {unknown.length > 0 && (
        <div class="scene-group">
          <h3>Words it did not understand</h3>
          <p class="unknown-words">
            {unknown.map((w, i) => (
              <mark key={i}>{w}</mark>
            ))}
          </p>
        </div>
      )}
      {!known && <p class="hint">The generator did not report subjects or a setting for this clip.</p>}
      <details class="scene-raw" open={!known}>
        <summary>Full scene (JSON)</summary>
        <pre>{JSON.stringify(scene, null, 2)}</pre>
      </details>
    </details>
  );
}
