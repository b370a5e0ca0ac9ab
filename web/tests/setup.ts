// Unmounts components rendered by a test before the next one (Vitest runs without globals).
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

afterEach(() => cleanup());
