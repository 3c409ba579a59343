import { Link } from 'react-router';

export function Home() {
  return (
    <div className="home">
      <section className="hero">
        <h1 tabIndex={-1}>Interview Analyzer</h1>
        <p className="lead">
          Answer a real interview question on camera and get an honest, explained report on what can be observed: pace, pauses, filler words, voice variation, eye contact and posture. It never guesses
          your emotions or personality.
        </p>
        <Link to="/interview" className="btn primary big">
          Start interview
        </Link>
        <p>
          <Link to="/mock">Or a mock interview: several questions back to back</Link>
        </p>
        <p>
          <Link to="/history">See your past answers</Link>
        </p>
      </section>
      <section className="how" aria-labelledby="how-h">
        <h2 id="how-h">How it works</h2>
        <ol className="how-list">
          <li>
            <strong>Get a question</strong> and check your camera and microphone.
          </li>
          <li>
            <strong>Think, then answer</strong> for up to two minutes. Retake if you want.
          </li>
          <li>
            <strong>Read the report</strong>: every score shows the measurements behind it, with timestamps and one tip.
          </li>
        </ol>
      </section>
    </div>
  );
}
