// The page shell: NHS-style, one stylesheet from this server, no scripts needed for core
// actions, readable on a phone. Staff pages get the staff navigation.
import type { Child } from 'hono/jsx';

export interface NavItem { href: string; label: string }

export function Layout(props: { title: string; children: Child; nav?: NavItem[]; current?: string; signOut?: { action: string; csrf: string }; narrow?: boolean }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – NHS Staff Bank`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body>
        <a class="skip" href="#main">Skip to main content</a>
        <header class="site">
          <div class="bar">
            <a class="brand" href="/">NHS Staff Bank</a>
            {props.nav?.length ? (
              <nav aria-label="Main">
                {props.nav.map((n) => <a href={n.href} aria-current={props.current === n.href ? 'page' : undefined}>{n.label}</a>)}
              </nav>
            ) : null}
            {props.signOut ? (
              <form method="post" action={props.signOut.action}>
                <input type="hidden" name="_csrf" value={props.signOut.csrf} />
                <button class="link" type="submit">Sign out</button>
              </form>
            ) : null}
          </div>
        </header>
        <main id="main" class={props.narrow === false ? 'wide' : 'narrow'}>{props.children}</main>
      </body>
    </html>
  );
}

export function Message(props: { title: string; body: Child; status?: 'error' | 'notice' }) {
  return (
    <Layout title={props.title}>
      <h1>{props.title}</h1>
      <div class={`card ${props.status ?? ''}`}>{typeof props.body === 'string' ? <p>{props.body}</p> : props.body}</div>
    </Layout>
  );
}
