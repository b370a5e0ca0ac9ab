// "What the generator understood": the scene graph of a clip, made readable —
// subjects, setting, actions, the words it did not understand — and the raw JSON
// for anything else (the graph's shape grows with the generator).
import type { JSX } from 'preact';

type Json = unknown;

const KNOWN = ['subjects', 'setting', 'actions', 'unknown_words'];

function label(value: Json): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(label).filter(Boolean).join(', ');
  const o = value as Record<string, Json>;
  const name = o.name ?? o.noun ?? o.kind ?? o.type ?? o.verb ?? o.description ?? o.label ?? o.text;
  const details = Object.entries(o)
    .filter(([k, v]) => v !== name && v !== null && typeof v !== 'object' && k !== 'id')
    .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${v}`);
  const nested = Object.entries(o)
    .filter(([, v]) => v !== null && typeof v === 'object')
    .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${label(v)}`);
  const rest = [...details, ...nested].join('; ');
  if (name !== undefined && typeof name !== 'object') return rest ? `${name} (${rest})` : String(name);
  return rest;
}

function Items({ title, value }: { title: string; value: Json }): JSX.Element | null {
  if (value === undefined || value === null) return null;
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) return null;
  return (
    <div class="scene-group">
      <h3>{title}</h3>
      <ul>
        {list.map((item, i) => (
          <li key={i}>{label(item)}</li>
        ))}
      </ul>
    </div>
  );
}

export function SceneView({ scene }: { scene: Json }) {
  if (scene === null || scene === undefined) return null;
  const o = (typeof scene === 'object' && !Array.isArray(scene) ? scene : {}) as Record<string, Json>;
  const unknown = Array.isArray(o.unknown_words) ? (o.unknown_words as Json[]).map(String) : [];
  const hasKnown = KNOWN.some((k) => k in o);
  return (
    <details class="scene-view" data-testid="scene-view">
      <summary>What the generator understood</summary>
      <Items title="Subjects" value={o.subjects} />
      <Items title="Setting" value={o.setting} />
      <Items title="Actions" value={o.actions} />
      {unknown.length > 0 && (
        <div class="scene-group">
          <h3>Words it did not understand</h3>
          <p class="unknown-words">
            {unknown.map((w) => (
              <mark key={w}>{w}</mark>
            ))}
          </p>
        </div>
      )}
      <details class="scene-raw" open={!hasKnown}>
        <summary>Full scene (JSON)</summary>
        <pre>{JSON.stringify(scene, null, 2)}</pre>
      </details>
    </details>
  );
}
