// Log in: errors in words, nothing typed lost, only same-site ways back.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoginPage, safeNext } from '../src/pages/LoginPage';
import { mockFetch } from './fetchMock';

afterEach(() => vi.unstubAllGlobals());

describe('LoginPage', () => {
  it('follows only same-site paths after logging in', () => {
    expect(safeNext('/v/abc')).toBe('/v/abc');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('/login?next=/')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });

  it('shows a wrong password in words and keeps the handle', async () => {
    mockFetch({ 'POST /api/v1/auth/login': { status: 401, body: { error: { code: 'unauthenticated', message: 'handle or password is wrong' } } } });
    history.replaceState(null, '', '/login?next=/create');
    render(<LoginPage />);
    fireEvent.input(screen.getByLabelText('Handle'), { target: { value: 'ada' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'nope' } });
    fireEvent.submit(screen.getByRole('form'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Handle or password is wrong'));
    expect((screen.getByLabelText('Handle') as HTMLInputElement).value).toBe('ada');
    expect(location.pathname).toBe('/login');
  });
});
