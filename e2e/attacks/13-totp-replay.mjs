import { generate } from 'otplib';

/**
 * A TOTP code seen over a shoulder (or phished) and used again within its
 * 30-second window, together with the stolen password. Auth remembers the
 * time step of the last accepted code and refuses it and anything older:
 * 401 MFA_CODE_INVALID. The next step's code then works, which proves the
 * refusal was the replay rule and not a broken clock.
 */
export default {
  id: 'totp-replay',
  title: 'TOTP replay: the code just used, used again with the password',
  layer: { number: 5, name: 'Identity' },
  stoppedMeans: '401 MFA_CODE_INVALID for the replayed code; the next time step’s code signs in (control)',
  order: 35,
  async run(ctx) {
    const client = ctx.newClient();
    const victim = await ctx.registerAndSignIn(client);
    const evidence = [];
    const enroll = await client.call('POST', '/api/auth/mfa/totp/enroll', { token: victim.token });
    if (enroll.status !== 200 && enroll.status !== 201) throw new ctx.SetupError(`TOTP enrollment: ${enroll.status}`);
    const secret = enroll.body.secret;
    const now = Math.floor(Date.now() / 1000);
    const seenCode = await generate({ secret, epoch: now });
    const confirm = await client.call('POST', '/api/auth/mfa/totp/confirm', { token: victim.token, body: { code: seenCode } });
    evidence.push(`the owner turns on TOTP with code ${seenCode.slice(0, 2)}···· → ${confirm.status}`);
    if (confirm.status !== 200 && confirm.status !== 201) throw new ctx.SetupError(`TOTP confirmation: ${confirm.status} ${confirm.text.slice(0, 160)}`);

    const login = await client.call('POST', '/api/auth/login', { body: { email: victim.email, password: victim.password } });
    evidence.push(`the thief signs in with the password → ${login.status}, mfaRequired: ${login.body?.mfaRequired === true}`);
    if (login.status !== 200 || !login.body?.mfaToken) throw new ctx.SetupError(`password step: ${login.status}`);
    const replay = await client.call('POST', '/api/auth/mfa/verify', { body: { mfaToken: login.body.mfaToken, code: seenCode } });
    evidence.push(`the thief replays the seen code → ${replay.status} ${replay.body?.error?.code ?? ''}`.trim());
    // The server accepts one step of drift, so the next step's code is valid now and newer than the last one used.
    const nextCode = await generate({ secret, epoch: now + 30 });
    const control = await client.call('POST', '/api/auth/mfa/verify', { body: { mfaToken: login.body.mfaToken, code: nextCode } });
    evidence.push(`control: the next step's code → ${control.status}`);

    const stopped = replay.status === 401 && replay.body?.error?.code === 'MFA_CODE_INVALID' && !replay.body?.accessToken;
    if (stopped && control.status !== 200) throw new ctx.SetupError(`the control code was refused too (${control.status}): the replay refusal proves nothing`);
    return { stopped, evidence: evidence.join('\n'), attackerGot: stopped ? '' : `replayed code: ${replay.status}${replay.body?.accessToken ? ' and an access token' : ''}` };
  },
};
