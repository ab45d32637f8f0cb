#!/usr/bin/env bash
# Generates the certificate, key and token fixtures ONCE with openssl; the output is committed.
#
# Everything here is test material made for this repository: no real tenant, no real secret.
# Dates are fixed with `openssl ca` so that the tests' fixed clock (2026-01-01) sees the
# certificates as valid (2025-01-01 .. 2035-01-01) and the expired leaf as expired (2020 .. 2021).
# Tokens are signed by openssl, so the Rust verifier is checked against an independent signer.
#
# Usage: scripts/make-cert-fixtures.sh          (from the repository root; overwrites the folder)
#        scripts/make-cert-fixtures.sh round2   (only adds the second-round files, from the keys made before)
set -euo pipefail

OUT=tests/fixtures/certificate/generated
ROUND2_ONLY=${1:-}
[ "$ROUND2_ONLY" = round2 ] || rm -rf "$OUT"
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

# A minimal CA configuration so that start and end dates can be given explicitly.
cat >"$WORK/ca.cnf" <<'EOF'
[ ca ]
default_ca = fixture
[ fixture ]
database = $ENV::WORK/index.txt
new_certs_dir = $ENV::WORK
serial = $ENV::WORK/serial
default_md = sha256
policy = anything
copy_extensions = none
unique_subject = no
[ anything ]
commonName = supplied
organizationName = optional
[ root_ext ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign, digitalSignature
subjectKeyIdentifier = hash
[ inter_ext ]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
crlDistributionPoints = URI:http://crl.tokenlens.invalid/inter.crl
authorityInfoAccess = caIssuers;URI:http://aia.tokenlens.invalid/root.cer
[ leaf_ext ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:app.contoso.test, DNS:*.contoso.test, email:admin@contoso.test, IP:10.0.0.1, URI:https://app.contoso.test/
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
certificatePolicies = 2.23.140.1.2.1
[ app_ext ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
[ noeku_ext ]
basicConstraints = CA:FALSE
keyUsage = critical, keyEncipherment
extendedKeyUsage = codeSigning
EOF
export WORK
reset_db() { : >"$WORK/index.txt"; echo 1000 >"$WORK/serial"; }
reset_db

# sign SUBJECT KEY ISSUER_CERT ISSUER_KEY EXT START END MD OUT ; ISSUER_CERT "self" means self-signed.
sign() {
  local subj=$1 key=$2 icert=$3 ikey=$4 ext=$5 start=$6 end=$7 md=$8 out=$9
  openssl req -new -key "$key" -subj "$subj" -out "$WORK/req.csr" 2>/dev/null
  if [ "$icert" = self ]; then
    openssl ca -batch -config "$WORK/ca.cnf" -selfsign -keyfile "$key" -in "$WORK/req.csr" \
      -extensions "$ext" -startdate "$start" -enddate "$end" -md "$md" -notext -out "$out" 2>/dev/null
  else
    openssl ca -batch -config "$WORK/ca.cnf" -cert "$icert" -keyfile "$ikey" -in "$WORK/req.csr" \
      -extensions "$ext" -startdate "$start" -enddate "$end" -md "$md" -notext -out "$out" 2>/dev/null
  fi
}

if [ "$ROUND2_ONLY" != round2 ]; then
# Keys.
for bits in 1024 2048 4096; do
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:$bits -out "$OUT/rsa$bits.key" 2>/dev/null
done
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$OUT/p256.key"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out "$OUT/p384.key"
openssl genpkey -algorithm ED25519 -out "$OUT/ed25519.key"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/other-rsa2048.key" 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$OUT/other-p256.key"
for k in rsa1024 rsa2048 rsa4096 p256 p384 ed25519 other-rsa2048 other-p256; do
  openssl pkey -in "$OUT/$k.key" -pubout -out "$OUT/$k.pub.pem"
done

V_START=20250101000000Z
V_END=20350101000000Z

# Self-signed certificates, one per key type.
sign "/CN=tokenlens RSA 1024 app" "$OUT/rsa1024.key" self "" app_ext $V_START $V_END sha256 "$OUT/rsa1024.pem"
sign "/CN=tokenlens RSA 2048 app" "$OUT/rsa2048.key" self "" app_ext $V_START $V_END sha256 "$OUT/rsa2048.pem"
sign "/CN=tokenlens P-256 app" "$OUT/p256.key" self "" app_ext $V_START $V_END sha256 "$OUT/p256.pem"
sign "/CN=tokenlens Ed25519 app" "$OUT/ed25519.key" self "" app_ext $V_START $V_END sha256 "$OUT/ed25519.pem"
sign "/CN=tokenlens SHA-1 no EKU" "$OUT/other-rsa2048.key" self "" noeku_ext $V_START $V_END sha1 "$OUT/sha1-noeku.pem"
sign "/CN=Microsoft Exchange Server Auth Certificate" "$OUT/rsa2048.key" self "" app_ext $V_START $V_END sha256 "$OUT/exchange-auth.pem"

# A three-level chain: RSA 4096 root, P-384 intermediate, P-256 leaf, plus an expired leaf.
sign "/O=tokenlens/CN=tokenlens Test Root" "$OUT/rsa4096.key" self "" root_ext $V_START $V_END sha384 "$OUT/root.pem"
sign "/O=tokenlens/CN=tokenlens Test Intermediate" "$OUT/p384.key" "$OUT/root.pem" "$OUT/rsa4096.key" inter_ext $V_START $V_END sha256 "$OUT/inter.pem"
sign "/CN=app.contoso.test" "$OUT/p256.key" "$OUT/inter.pem" "$OUT/p384.key" leaf_ext $V_START $V_END sha384 "$OUT/leaf.pem"
sign "/CN=expired.contoso.test" "$OUT/other-p256.key" "$OUT/inter.pem" "$OUT/p384.key" leaf_ext 20200101000000Z 20210101000000Z sha384 "$OUT/expired-leaf.pem"
cat "$OUT/leaf.pem" "$OUT/inter.pem" "$OUT/root.pem" >"$OUT/chain.pem"

# A CSR, a PKCS#7 bundle and two PFX files (password "Fixture-Only-1").
openssl req -new -key "$OUT/rsa2048.key" -subj "/CN=csr.contoso.test" \
  -addext "subjectAltName=DNS:csr.contoso.test" -out "$OUT/request.csr"
openssl crl2pkcs7 -nocrl -certfile "$OUT/chain.pem" -out "$OUT/bundle.p7b"
openssl pkcs12 -export -inkey "$OUT/p256.key" -in "$OUT/leaf.pem" -certfile "$OUT/inter.pem" \
  -name "tokenlens leaf" -passout pass:Fixture-Only-1 -out "$WORK/leaf.pfx"
base64 -w0 "$WORK/leaf.pfx" >"$OUT/leaf.pfx.b64"
openssl pkcs12 -export -inkey "$OUT/rsa2048.key" -in "$OUT/rsa2048.pem" -certpbe NONE \
  -name "tokenlens open certs" -passout pass:Fixture-Only-1 -out "$WORK/open.pfx"
base64 -w0 "$WORK/open.pfx" >"$OUT/open-certs.pfx.b64"

# Thumbprints as openssl computes them, for the tests to compare with.
for c in rsa1024 rsa2048 p256 ed25519 sha1-noeku exchange-auth root inter leaf expired-leaf; do
  openssl x509 -in "$OUT/$c.pem" -noout -fingerprint -sha1 | sed 's/.*=//' | tr -d ':' >"$OUT/$c.sha1"
done

# A JWKS with the RSA 2048 key (n/e and its x5c certificate) and the P-256 key, Entra-style.
rsa_n=$(openssl rsa -pubin -in "$OUT/rsa2048.pub.pem" -noout -modulus | sed 's/Modulus=//' | xxd -r -p | b64url)
rsa_x5c=$(openssl x509 -in "$OUT/rsa2048.pem" -outform DER | base64 -w0)
rsa_x5t=$(openssl x509 -in "$OUT/rsa2048.pem" -outform DER | openssl dgst -sha1 -binary | b64url)
ec_raw=$(openssl pkey -pubin -in "$OUT/p256.pub.pem" -outform DER | tail -c 64 | xxd -p -c 64)
ec_x=$(echo "${ec_raw:0:64}" | xxd -r -p | b64url)
ec_y=$(echo "${ec_raw:64:64}" | xxd -r -p | b64url)
ed_x=$(openssl pkey -pubin -in "$OUT/ed25519.pub.pem" -outform DER | tail -c 32 | b64url)
cat >"$OUT/jwks.json" <<EOF
{"keys":[{"kty":"RSA","use":"sig","kid":"$rsa_x5t","x5t":"$rsa_x5t","n":"$rsa_n","e":"AQAB","x5c":["$rsa_x5c"],"issuer":"https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0"},{"kty":"EC","use":"sig","kid":"p256-kid","crv":"P-256","x":"$ec_x","y":"$ec_y"},{"kty":"OKP","use":"sig","kid":"ed-kid","crv":"Ed25519","x":"$ed_x"}]}
EOF

# Tokens. sign_token ALG KID PRIVATE-KEY-OR-SECRET NAME [extra header JSON]
PAYLOAD=$(printf '%s' '{"aud":"api://tokenlens-test","iss":"https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0","tid":"72f988bf-86f1-41af-91ab-2d7cd011db47","sub":"fixture","exp":1893456000}' | b64url)
ecdsa_raw() { # DER ECDSA signature on stdin -> raw r||s of $1 bytes each
  local size=$1
  openssl asn1parse -inform DER 2>/dev/null | grep INTEGER | sed 's/.*INTEGER *://' | while read -r h; do
    h=${h#-}
    while [ ${#h} -lt $((size * 2)) ]; do h="0$h"; done
    echo -n "${h: -$((size * 2))}"
  done | xxd -r -p
}
sign_token() {
  local alg=$1 kid=$2 key=$3 name=$4 extra=${5:-}
  local header input
  header=$(printf '{"alg":"%s","typ":"JWT","kid":"%s"%s}' "$alg" "$kid" "$extra" | b64url)
  input="$header.$PAYLOAD"
  printf '%s' "$input" >"$WORK/input"
  case $alg in
    RS256) openssl dgst -sha256 -sign "$key" -out "$WORK/sig" "$WORK/input" ;;
    RS512) openssl dgst -sha512 -sign "$key" -out "$WORK/sig" "$WORK/input" ;;
    PS256) openssl dgst -sha256 -sign "$key" -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest -out "$WORK/sig" "$WORK/input" ;;
    PS384) openssl dgst -sha384 -sign "$key" -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest -out "$WORK/sig" "$WORK/input" ;;
    ES256) openssl dgst -sha256 -sign "$key" "$WORK/input" | ecdsa_raw 32 >"$WORK/sig" ;;
    ES384) openssl dgst -sha384 -sign "$key" "$WORK/input" | ecdsa_raw 48 >"$WORK/sig" ;;
    EdDSA) openssl pkeyutl -sign -inkey "$key" -rawin -in "$WORK/input" -out "$WORK/sig" ;;
    HS256) openssl dgst -sha256 -mac HMAC -macopt "key:$key" -binary -out "$WORK/sig" "$WORK/input" ;;
    HS512) openssl dgst -sha512 -mac HMAC -macopt "key:$key" -binary -out "$WORK/sig" "$WORK/input" ;;
  esac
  printf '%s.%s\n' "$input" "$(b64url <"$WORK/sig")" >"$OUT/$name.jwt"
}
sign_token RS256 "$rsa_x5t" "$OUT/rsa2048.key" rs256 ",\"x5t\":\"$rsa_x5t\""
sign_token RS512 rsa4096-kid "$OUT/rsa4096.key" rs512
sign_token PS256 "$rsa_x5t" "$OUT/rsa2048.key" ps256
sign_token PS384 rsa4096-kid "$OUT/rsa4096.key" ps384
sign_token ES256 p256-kid "$OUT/p256.key" es256
sign_token ES384 p384-kid "$OUT/p384.key" es384
sign_token EdDSA ed-kid "$OUT/ed25519.key" eddsa
sign_token HS256 hs-kid "fixture-shared-secret" hs256
sign_token HS512 hs-kid "fixture-shared-secret" hs512
leaf_x5c=$(openssl x509 -in "$OUT/leaf.pem" -outform DER | base64 -w0)
inter_x5c=$(openssl x509 -in "$OUT/inter.pem" -outform DER | base64 -w0)
sign_token ES256 leaf-kid "$OUT/p256.key" es256-x5c ",\"x5c\":[\"$leaf_x5c\",\"$inter_x5c\"]"

echo "fixtures written to $OUT"

# Extra certificate shapes for the variation fixtures (v1, unknown critical extension, EV, many SANs).
(cd "$OUT" && bash -s "$PWD/rsa2048.key" <<'EXTRA'
K="$1"; D=$(mktemp -d)
cat >"$D/ca.cnf" <<CNF
[ ca ]
default_ca = x
[ x ]
database = $D/index.txt
new_certs_dir = $D
serial = $D/serial
default_md = sha256
policy = p
unique_subject = no
preserve = yes
[ p ]
commonName = supplied
[ v1 ]
[ critical ]
basicConstraints = CA:FALSE
1.3.6.1.4.1.99999.1 = critical, DER:05:00
[ ev ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
certificatePolicies = 2.23.140.1.1, 1.3.6.1.4.1.311.42.1, 2.16.840.1.114412.2.1, 1.3.6.1.4.1.6449.1.2.1.5.1
subjectAltName = DNS:www.contoso.test, DNS:contoso.test
[ sans ]
basicConstraints = CA:FALSE
subjectAltName = @alt
[ alt ]
CNF
for i in $(seq 1 40); do printf 'DNS.%d = host%02d.contoso.test\n' "$i" "$i" >>"$D/ca.cnf"; done
printf 'DNS.41 = *.contoso.test\nIP.1 = 192.0.2.10\nIP.2 = 2001:db8::1\n' >>"$D/ca.cnf"
make() { # name subject extensions
  : >"$D/index.txt"; echo 1001 >"$D/serial"
  openssl req -new -key "$K" -subj "$2" -out "$D/$1.csr"
  openssl ca -batch -config "$D/ca.cnf" -selfsign -keyfile "$K" -in "$D/$1.csr" -startdate 20250101000000Z -enddate 20350101000000Z ${3:+-extensions $3} -notext -out "extra-$1.pem" 2>/dev/null
}
make v1 "/CN=v1.contoso.test" ""
make critical "/CN=critical.contoso.test" critical
make ev "/C=US/O=Contoso Ltd/CN=www.contoso.test/serialNumber=1234567/jurisdictionC=US/businessCategory=Private Organization" ev
make many-sans "/CN=mail.contoso.test" sans
rm -rf "$D"
EXTRA
)
fi

# Second round: shapes that were missing. Everything below reuses the keys made above.
G=$OUT
sha1_b64url() { openssl x509 -in "$1" -outform DER | openssl dgst -sha1 -binary | b64url; }
der_b64() { openssl x509 -in "$1" -outform DER | base64 -w0; }
# rsa_part KEY NAME: one field of `openssl rsa -text` (modulus, privateExponent, prime1, ...) as base64url.
rsa_part() {
  openssl rsa -in "$1" -noout -text 2>/dev/null |
    awk -v want="$2:" '$1 == want { on = 1; next } on && /^ / { print; next } on { exit }' |
    tr -d ' :\n' | sed 's/^00//' | xxd -r -p | b64url
}

# A certificate with a negative serial number (DER INTEGER with the top bit set), same dates.
openssl x509 -in "$G/rsa2048.pem" -signkey "$G/rsa2048.key" -set_serial -0x5A3C -preserve_dates \
  -subj "/CN=negative-serial.contoso.test" -out "$G/negative-serial.pem" 2>/dev/null

# A traditional (OpenSSL 1.x style) encrypted RSA key: Proc-Type and DEK-Info headers in the PEM.
openssl rsa -in "$G/rsa1024.key" -traditional -aes256 -passout pass:Fixture-Only-1 \
  -out "$G/rsa1024-traditional-encrypted.key" 2>/dev/null

# A JWK with private members (d, p, q, dp, dq, qi), as some libraries export it.
K=$G/other-rsa2048.key
printf '{"kty":"RSA","kid":"private-fixture-kid","use":"sig","n":"%s","e":"AQAB","d":"%s","p":"%s","q":"%s","dp":"%s","dq":"%s","qi":"%s"}\n' \
  "$(rsa_part "$K" modulus)" "$(rsa_part "$K" privateExponent)" "$(rsa_part "$K" prime1)" \
  "$(rsa_part "$K" prime2)" "$(rsa_part "$K" exponent1)" "$(rsa_part "$K" exponent2)" \
  "$(rsa_part "$K" coefficient)" >"$G/private.jwk.json"

# Entra's v2 discovery key set (login.microsoftonline.com/common/discovery/v2.0/keys): RSA keys
# with kty, use, kid, x5t, n, e, x5c and issuer, each with a self-signed certificate.
for k in rsa2048 other-rsa2048; do
  openssl x509 -in "$G/rsa2048.pem" -signkey "$G/$k.key" -preserve_dates \
    -subj "/CN=accounts.accesscontrol.windows.net" -out "$G/entra-$k.pem" 2>/dev/null
done
entra_key() {
  local k=$1 kid
  kid=$(sha1_b64url "$G/entra-$k.pem")
  printf '{"kty":"RSA","use":"sig","kid":"%s","x5t":"%s","n":"%s","e":"AQAB","x5c":["%s"],"cloud_instance_name":"microsoftonline.com","issuer":"https://login.microsoftonline.com/{tenantid}/v2.0"}' \
    "$kid" "$kid" "$(rsa_part "$G/$k.key" modulus)" "$(der_b64 "$G/entra-$k.pem")"
}
printf '{"keys":[%s,%s]}\n' "$(entra_key rsa2048)" "$(entra_key other-rsa2048)" >"$G/entra-jwks.json"
# entra_token KID KEY NAME: an RS256 access token shaped like Entra's v2 tokens.
entra_token() {
  local header payload
  header=$(printf '{"typ":"JWT","alg":"RS256","kid":"%s"}' "$1" | b64url)
  payload=$(printf '%s' '{"aud":"api://tokenlens-test","iss":"https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0","iat":1767222000,"nbf":1767222000,"exp":1767225900,"azp":"11111111-2222-3333-4444-555555555555","azpacr":"1","tid":"72f988bf-86f1-41af-91ab-2d7cd011db47","sub":"fixture","ver":"2.0","roles":["Tokens.Read"]}' | b64url)
  printf '%s.%s.%s\n' "$header" "$payload" \
    "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$2" | b64url)" >"$G/$3.jwt"
}
entra_token "$(sha1_b64url "$G/entra-rsa2048.pem")" "$G/rsa2048.key" entra-rs256
entra_token "nOo3ZDrODXEK1jKWhXslHR_KXEg" "$G/rsa4096.key" entra-rs256-unknown-kid

# certutil -dump of the P-256 certificate, in the layout Windows prints (values computed here).
certutil_hex() { # bytes on stdin -> certutil's hex dump, 16 bytes a line
  od -An -v -tx1 | tr -s ' \n' ' ' | xargs -n16 echo |
    awk '{ printf "    %04x ", (NR - 1) * 16; for (i = 1; i <= NF; i++) { printf " %s", $i; if (i == 8) printf " " } print "" }'
}
cert_hash() { openssl x509 -in "$G/p256.pem" -outform DER | openssl dgst "-$1" -r | cut -d' ' -f1; }
{
  echo "X509 Certificate:"
  echo "Version: 3"
  echo "Serial Number: $(openssl x509 -in "$G/p256.pem" -noout -serial | sed 's/serial=//' | tr 'A-F' 'a-f')"
  echo "Signature Algorithm:"
  echo "    Algorithm ObjectId: 1.2.840.10045.4.3.2 sha256ECDSA"
  echo "    Algorithm Parameters: NULL"
  echo "Issuer:"
  echo "    CN=tokenlens P-256 app"
  echo ""
  echo " NotBefore: 1/1/2025 12:00 AM"
  echo " NotAfter: 1/1/2035 12:00 AM"
  echo ""
  echo "Subject:"
  echo "    CN=tokenlens P-256 app"
  echo ""
  echo "Public Key Algorithm:"
  echo "    Algorithm ObjectId: 1.2.840.10045.2.1 ECC"
  echo "    Algorithm Parameters:"
  echo "    06 08 2a 86 48 ce 3d 03  01 07"
  echo "        1.2.840.10045.3.1.7 ECDSA_P256 (x962P256v1)"
  echo "Public Key Length: 256 bits"
  echo "Public Key: UnusedBits = 0"
  openssl pkey -pubin -in "$G/p256.pub.pem" -outform DER | tail -c 65 | certutil_hex
  echo "Certificate Extensions: 3"
  echo "    2.5.29.19: Flags = 0, Length = 2"
  echo "    Basic Constraints"
  echo "        Subject Type=End Entity"
  echo "        Path Length Constraint=None"
  echo ""
  echo "    2.5.29.15: Flags = 1(Critical), Length = 4"
  echo "    Key Usage"
  echo "        Digital Signature (80)"
  echo ""
  echo "    2.5.29.37: Flags = 0, Length = c"
  echo "    Enhanced Key Usage"
  echo "        Client Authentication (1.3.6.1.5.5.7.3.2)"
  echo ""
  echo "Signature Algorithm:"
  echo "    Algorithm ObjectId: 1.2.840.10045.4.3.2 sha256ECDSA"
  echo "    Algorithm Parameters: NULL"
  echo "Root Certificate: Subject matches Issuer"
  echo "Cert Hash(md5): $(cert_hash md5)"
  echo "Cert Hash(sha1): $(cert_hash sha1)"
  echo "Cert Hash(sha256): $(cert_hash sha256)"
  echo "CertUtil: -dump command completed successfully."
} >"$G/p256.certutil-dump.txt"
