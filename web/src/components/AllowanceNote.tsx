// What the account may still generate this month.
import type { Allowance } from '../api/types';

export function AllowanceNote({ allowance }: { allowance: Allowance | null }) {
  if (!allowance) return null;
  if (allowance.remaining === null || allowance.monthly_limit === null) {
    return <p class="hint" data-testid="allowance">Unlimited generations ({allowance.used} used this month).</p>;
  }
  const resets = new Date(allowance.resets_at).toLocaleDateString();
  return (
    <p class={allowance.remaining === 0 ? 'hint warn' : 'hint'} data-testid="allowance">
      {allowance.remaining} of {allowance.monthly_limit} generations left this month (resets {resets}).
    </p>
  );
}
