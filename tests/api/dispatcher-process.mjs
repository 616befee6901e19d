// A dispatcher in its own process, for tests/api/notification-emails.test.ts: the app's own
// dispatchOutbox (loaded through Vite, as the server bundles it) with the secret key and the
// stack's SMTP. It really sends BLOCK_AFTER emails, then prints "blocked" and waits forever in
// the next send, so that the test can kill it (SIGKILL) in the middle of a run.
import { createClient } from '@supabase/supabase-js';
import nodemailer from 'nodemailer';
import { createServer } from 'vite';
import WebSocket from 'ws';
import { API_URL, HOST, PORTS, serviceRoleKey } from '../../scripts/stack/config.mjs';

const blockAfter = Number(process.env.BLOCK_AFTER ?? 3);
const vite = await createServer({
	configFile: false,
	logLevel: 'silent',
	server: { middlewareMode: true, hmr: false, watch: null },
	appType: 'custom'
});
const { dispatchOutbox } = await vite.ssrLoadModule('/src/lib/server/mail/outbox.ts');
const admin = createClient(API_URL, serviceRoleKey, {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	realtime: { transport: WebSocket }
});
const smtp = nodemailer.createTransport({ host: HOST, port: PORTS.smtp });
let sent = 0;
const transport = {
	async sendMail(message) {
		if (sent >= blockAfter) {
			process.stdout.write('blocked\n');
			await new Promise(() => {});
		}
		await smtp.sendMail(message);
		sent += 1;
		process.stdout.write('sent\n');
	}
};
process.stdout.write('ready\n');
await dispatchOutbox(admin, transport, {
	origin: 'http://localhost:4173',
	from: 'DCI Network Hub <no-reply@localhost>',
	batchSize: 100
});
process.stdout.write('finished\n');
process.exit(0);
