// "What the generator understood": readable groups, unknown words, JSON fallback.
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SceneView } from '../src/components/SceneView';

describe('SceneView', () => {
  it('lists subjects, setting, actions and the words it did not understand', () => {
    render(
      <SceneView
        scene={{
          subjects: [{ name: 'fox', color: 'red' }],
          setting: { name: 'meadow', time_of_day: 'sunset' },
          actions: [{ verb: 'jumps', subject: 'fox' }],
          unknown_words: ['zorblax'],
        }}
      />,
    );
    expect(screen.getByText('What the generator understood')).toBeTruthy();
    expect(screen.getByText('fox (color: red)')).toBeTruthy();
    expect(screen.getByText('meadow (time of day: sunset)')).toBeTruthy();
    expect(screen.getByText('jumps (subject: fox)')).toBeTruthy();
    expect(screen.getByText('zorblax').tagName).toBe('MARK');
  });

  it('reads the sketch engine graph nested under "understood"', () => {
    render(
      <SceneView
        scene={{
          engine: 'sketch',
          understood: {
            subjects: [{ kind: 'fox', word: 'foxes', count: 2, colour: 'red', size: 'normal', action: 'jump' }],
            setting: 'meadow',
            time_of_day: 'sunset',
            weather: '',
            dialogue: [{ text: 'hello', speaker: 'dog', voice: 'low' }],
            moods: ['calm'],
            unknown_words: ['blorfy'],
          },
        }}
      />,
    );
    expect(screen.getByText('2 red foxes (fox)')).toBeTruthy();
    expect(screen.getByText('meadow, sunset')).toBeTruthy();
    expect(screen.getByText('foxes jump')).toBeTruthy();
    expect(screen.getByText('dog: “hello”')).toBeTruthy();
    expect(screen.getByText('blorfy').tagName).toBe('MARK');
  });

  it('lists the dialogue lines the voice could not speak, with why', () => {
    render(
      <SceneView
        scene={{
          engine: 'sketch',
          understood: {
            subjects: [{ kind: 'robot', word: 'robot', count: 1 }],
            dialogue: [
              { text: 'beep', speaker: 'robot', voice: 'robot' },
              { text: 'hello', speaker: 'robot', voice: 'robot' },
            ],
          },
          sound: { not_spoken: [{ line: 1, speaker: 'robot', reason: 'the voice did not answer in time' }] },
        }}
      />,
    );
    expect(screen.getByText('Lines not spoken')).toBeTruthy();
    expect(screen.getByText('robot: “hello” (the voice did not answer in time)')).toBeTruthy();
  });

  it('falls back to readable JSON for shapes it does not know', () => {
    const { container } = render(<SceneView scene={{ layers: [{ shape: 'circle' }] }} />);
    expect(container.querySelector('pre')?.textContent).toContain('"shape": "circle"');
    expect(container.querySelector('details.scene-raw')?.hasAttribute('open')).toBe(true);
  });

  it('renders nothing without a scene', () => {
    const { container } = render(<SceneView scene={null} />);
    expect(container.innerHTML).toBe('');
  });
});
