// The page shell: NHS-style, no assets from outside the server, readable on a phone.
import type { Child } from 'hono/jsx';

const css = `
*{box-sizing:border-box}body{margin:0;font-family:Arial,Helvetica,sans-serif;color:#212b32;background:#f0f4f5;font-size:16px;line-height:1.5}
header{background:#005eb8;color:#fff;padding:12px 16px}header a{color:#fff;font-weight:bold;text-decoration:none}
main{max-width:720px;margin:0 auto;padding:24px 16px}h1{font-size:1.75rem;margin:0 0 16px}
.card{background:#fff;padding:20px;margin:0 0 16px;border-radius:4px}
label{display:block;font-weight:bold;margin:16px 0 4px}.hint{color:#4c6272;font-weight:normal;display:block}
input[type=text],input[type=month],input[type=date],textarea,select{width:100%;padding:8px;border:2px solid #4c6272;border-radius:0;font-size:1rem}
input:focus,textarea:focus,select:focus,button:focus,a:focus{outline:3px solid #ffeb3b;outline-offset:0;box-shadow:0 4px 0 #212b32}
fieldset{border:0;padding:0;margin:16px 0 0}legend{font-weight:bold}.choice{display:flex;gap:8px;align-items:center;margin:4px 0}
.choice label{margin:0;font-weight:normal}button{background:#007f3b;color:#fff;border:0;padding:12px 20px;font-size:1rem;margin-top:24px;cursor:pointer;box-shadow:0 4px 0 #00401e}
.error{border-left:6px solid #d5281b;padding-left:12px;color:#d5281b}`;

export function Layout(props: { title: string; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – NHS Staff Bank`}</title>
        <style>{css}</style>
      </head>
      <body>
        <header><a href="/">NHS Staff Bank</a></header>
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}
