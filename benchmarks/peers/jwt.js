// RS256 JWTs checked with the dev public key, as the services do (signature and expiry; issuer/audience too).
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const keyFile = process.env.JWT_PUBLIC_KEY
  || path.join(__dirname, '../../common-security/src/main/resources/dev-keys/jwt-public.pem');
const publicKey = crypto.createPublicKey(fs.readFileSync(keyFile));

function userOf(token) {
  const [header, body, signature] = String(token || '').split('.');
  if (!signature) return null;
  const ok = crypto.verify('RSA-SHA256', Buffer.from(header + '.' + body), publicKey,
    Buffer.from(signature, 'base64url'));
  if (!ok) return null;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
  if (claims.exp * 1000 < Date.now() || claims.iss !== 'https://realtime-suite.local') return null;
  return String(claims.user_id ?? claims.sub);
}

function bearer(req) {
  const header = req.headers.authorization || '';
  return userOf(header.startsWith('Bearer ') ? header.slice(7) : null);
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString()));
  });
}

module.exports = { userOf, bearer, readBody };
