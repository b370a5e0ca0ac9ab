// The card that ends the feed when the viewer's daily watch limit is reached: the
// server's message, and where to change the limit. Nothing loads after it.
export function FeedEnd({ message }: { message: string }) {
  return (
    <div class="feed-end-card" role="status" data-testid="feed-end">
      <h2>That is all for today</h2>
      <p>{message}</p>
      <p class="hint">
        You set this limit yourself; change it in <a href="/settings/feed">Your feed</a>.
      </p>
    </div>
  );
}
