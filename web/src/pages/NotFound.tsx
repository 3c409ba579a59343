import { Link } from '../components/Link';

export function NotFound({ path }: { path: string }) {
  return (
    <div>
      <h1 tabIndex={-1}>Page not found</h1>
      <p>
        There is nothing at <code>{path}</code>.
      </p>
      <Link className="btn primary" href="/">
        Go home
      </Link>
    </div>
  );
}
