#!/bin/bash
# Starts LemonLDAP::NG's portal on 127.0.0.1:$LLNG_PORT: Debian's FastCGI server (two
# processes, as www-data) behind nginx. Exits when either stops, and stops both on
# SIGTERM (bash as PID 1 would otherwise ignore it, and `docker stop` would wait 10 s).
set -euo pipefail
trap 'kill -TERM $(jobs -p) 2>/dev/null; wait; exit 0' TERM INT
: "${LLNG_PORT:?LLNG_PORT must name the port to listen on}"
for f in /var/lib/lemonldap-ng/conf/lmConf-1.json /etc/lemonldap-ng/harness-users.json; do
  test -f "$f" || { echo "lemonldap-ng-start: $f is missing (the container copies it in)" >&2; exit 2; }
done
sed "s/@PORT@/${LLNG_PORT}/g" /etc/lemonldap-ng/harness-nginx.conf.in > /tmp/nginx.conf
perl /usr/local/lib/lemonldap-ng-users.pl < /etc/lemonldap-ng/harness-users.json
mkdir -p /run/llng-fastcgi-server && chown www-data:www-data /run/llng-fastcgi-server
chown -R www-data:www-data /var/lib/lemonldap-ng/sessions /var/lib/lemonldap-ng/psessions /var/lib/lemonldap-ng/cache /var/lib/lemonldap-ng/users.db
/usr/sbin/llng-fastcgi-server --foreground --proc 2 --user www-data --group www-data \
  --socket /run/llng-fastcgi-server/llng-fastcgi.sock --pid /run/llng-fastcgi-server/llng-fastcgi.pid &
nginx -c /tmp/nginx.conf &
wait -n
