import { Link, useRouteError } from 'react-router';
import { messageOf } from '../lib/http';
import { ErrorBox } from './ErrorBox';

/** Shown when a page fails to load or render (e.g. its code could not be fetched after a deploy). */
export function RouteError() {
  const error = useRouteError();
  return (
    <main id="main">
      <h1>Something went wrong</h1>
      <ErrorBox title="This page could not be shown" message={messageOf(error)}>
        <button type="button" className="btn" onClick={() => window.location.reload()}>
          Reload
        </button>
        <Link className="btn secondary" to="/">
          Go home
        </Link>
      </ErrorBox>
    </main>
  );
}
