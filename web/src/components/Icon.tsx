// Inline SVG icons (24×24, stroke = currentColor), so they look the same on every
// device without an emoji or icon font. Decorative: the button carries the label.
const PATHS = {
  heart: 'M12 21s-7.5-4.6-9.5-9.2C1.2 8.6 3.3 5 6.8 5c2.1 0 3.6 1.2 5.2 3 1.6-1.8 3.1-3 5.2-3 3.5 0 5.6 3.6 4.3 6.8C19.5 16.4 12 21 12 21z',
  comment: 'M4 5h16v11H9l-5 4V5z',
  share: 'M14 4h6v6M20 4l-9 9M18 14v5H5V6h5',
  remix: 'M4 12a8 8 0 0 1 14-5.3M20 12a8 8 0 0 1-14 5.3M18 3v4h-4M6 21v-4h4',
  download: 'M12 4v11M7 10l5 5 5-5M5 20h14',
  soundOn: 'M4 9h4l5-4v14l-5-4H4zM16 9a4 4 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11',
  soundOff: 'M4 9h4l5-4v14l-5-4H4zM16 9l6 6M22 9l-6 6',
  home: 'M3 11l9-7 9 7v9h-6v-6H9v6H3z',
  plus: 'M12 5v14M5 12h14',
  drafts: 'M5 3h10l4 4v14H5zM9 12h6M9 16h6',
  person: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c1-4 4-6 8-6s7 2 8 6',
  login: 'M10 17l5-5-5-5M15 12H3M14 4h6v16h-6',
  more: 'M4.5 12h1.5M11.25 12h1.5M18 12h1.5',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, filled = false, size = 24 }: { name: IconName; filled?: boolean; size?: number }) {
  return (
    <svg
      class="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
