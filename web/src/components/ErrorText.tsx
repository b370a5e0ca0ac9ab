// An error message shown where the error happened, announced to screen readers.
export function ErrorText({ message, id }: { message: string | null | undefined; id?: string }) {
  if (!message) return null;
  return (
    <p class="error-text" role="alert" id={id}>
      {message}
    </p>
  );
}
