import { Link, useLocation } from 'react-router';

export function NotFound() {
  const { pathname } = useLocation();
  return (
    <div>
      <h1 tabIndex={-1}>Page not found</h1>
      <p>
        There is nothing at <code>{pathname}</code>.
      </p>
      <Link className="btn primary" to="/">
        Go home
      </Link>
    </div>
  );
}
