/** The page's only stylesheet: Slack's light theme, approximately, with system fonts only. */
export const PREVIEW_CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f8f8f8;color:#1d1c1d;font:15px/1.46668 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif,"Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji"}
.page{max-width:860px;margin:0 auto;padding:24px 16px 48px}
.page-title{font-size:22px;font-weight:900;margin:0 0 4px}
.page-subtitle{color:#616061;margin:0 0 24px}
.channel{background:#fff;border:1px solid #dddddd;border-radius:8px;margin:0 0 28px;overflow:hidden}
.channel-name{font-size:18px;font-weight:900;padding:12px 20px;border-bottom:1px solid #dddddd}
.channel-empty{padding:16px 20px;color:#616061}
.msg{padding:8px 20px;position:relative}
.msg:hover{background:#f8f8f8}
.msg-row{display:flex;gap:8px}
.avatar{flex:none;width:36px;height:36px;border-radius:6px;background:#1264a3;color:#fff;font-weight:900;font-size:18px;display:flex;align-items:center;justify-content:center;margin-top:2px}
.msg-content{flex:1;min-width:0}
.meta{display:flex;align-items:baseline;gap:6px}
.author{font-weight:900}
.app-badge{font-size:10px;font-weight:700;color:#616061;background:#e8e8e8;border-radius:2px;padding:0 3px;line-height:14px}
.time{font-size:12px;color:#616061}
.command{font-size:13px;color:#616061;margin:0 0 4px 44px}
.command code{font-size:12px}
.only-you{font-size:13px;color:#616061;margin:0 0 4px 44px}
.msg-ephemeral{background:#f4f8fb}
.body{overflow-wrap:anywhere}
.b-header{font-size:18px;font-weight:900;line-height:1.33;margin:4px 0}
.b-section{display:flex;gap:12px;margin:4px 0}
.b-main{flex:1;min-width:0}
.b-text{white-space:normal}
.b-fields{display:grid;grid-template-columns:1fr 1fr;gap:8px 16px;margin:4px 0}
.b-accessory{flex:none}
.b-context{display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;font-size:12px;color:#616061;margin:6px 0}
.b-context code{font-size:11px}
.b-context-image{display:inline-block;width:16px;height:16px;border-radius:3px;background:#ddd}
.b-actions{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0 4px}
.b-divider{border:0;border-top:1px solid #dddddd;margin:10px 0}
.b-unknown{color:#616061;font-style:italic}
.btn{display:inline-flex;align-items:center;height:28px;padding:0 12px;border:1px solid rgba(29,28,29,.3);border-radius:4px;background:#fff;color:#1d1c1d;font-size:13px;font-weight:700;text-decoration:none}
.btn-primary{background:#007a5a;border-color:#007a5a;color:#fff}
.btn-danger{background:#fff;border-color:#e01e5a;color:#e01e5a}
.btn-select{font-weight:400}
a{color:#1264a3;text-decoration:none}
code{font:12px/1.5 Monaco,Menlo,Consolas,"Courier New",monospace;color:#e01e5a;background:#f6f6f6;border:1px solid #dddddd;border-radius:3px;padding:1px 3px}
.code-block{font:12px/1.5 Monaco,Menlo,Consolas,"Courier New",monospace;background:#f8f8f8;border:1px solid #dddddd;border-radius:4px;padding:8px;margin:4px 0;white-space:pre-wrap;overflow-wrap:anywhere}
.mention{color:#1264a3;background:rgba(29,155,209,.1);border-radius:3px;padding:0 2px}
.date{border-bottom:1px dotted #868686}
.thread{margin:6px 0 2px;border-left:3px solid #dddddd;padding-left:10px}
.thread-count{font-size:13px;font-weight:700;color:#1264a3;margin-bottom:2px}
.msg-reply{padding:6px 0}
.msg-reply .avatar{width:24px;height:24px;font-size:13px}
`;
