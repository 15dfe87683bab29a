#!/usr/bin/env bash
# Installs MariaDB from Debian when missing, starts it on 127.0.0.1:3306 and creates the user and database the outbox
# integration tests use (integration-tests/outbox-mariadb). Safe to run again: every step checks first.
set -euo pipefail
. "$(dirname "$0")/debian.sh"

DB_USER="${AIRLOCK_MARIADB_USER:-airlock}"
DB_PASSWORD="${AIRLOCK_MARIADB_PASSWORD:-airlock}"
DB_DATABASE="${AIRLOCK_MARIADB_DATABASE:-airlock}"

# root connects through the Unix socket (Debian's unix_socket authentication): no password to know
sql() {
    as_root mariadb --protocol=socket -u root -N -B -e "$1"
}

if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
    echo "Installing MariaDB from Debian packages"
    apt_install mariadb-server
fi

# Debian's configuration binds to 127.0.0.1 already; said here so that the tests' server never listens elsewhere
if [ ! -f /etc/mysql/mariadb.conf.d/90-airlock.cnf ]; then
    printf '[mysqld]\nbind-address = 127.0.0.1\nport = 3306\n' | as_root tee /etc/mysql/mariadb.conf.d/90-airlock.cnf \
        >/dev/null
fi

if ! as_root mariadb-admin --protocol=socket -u root ping >/dev/null 2>&1; then
    as_root mkdir -p /run/mysqld
    as_root chown mysql:mysql /run/mysqld
    # without an init system (containers) the service script still starts mysqld_safe in the background
    as_root service mariadb start >/dev/null 2>&1 || as_root sh -c 'nohup mysqld_safe >/dev/null 2>&1 &'
fi

for _ in $(seq 1 30); do
    as_root mariadb-admin --protocol=socket -u root ping >/dev/null 2>&1 && break
    sleep 1
done
as_root mariadb-admin --protocol=socket -u root ping >/dev/null

sql "CREATE DATABASE IF NOT EXISTS \`$DB_DATABASE\`"
# both host names: JDBC connects over TCP to 127.0.0.1, which MariaDB may resolve to localhost
for host in localhost 127.0.0.1; do
    sql "CREATE USER IF NOT EXISTS '$DB_USER'@'$host' IDENTIFIED BY '$DB_PASSWORD'"
    sql "GRANT ALL PRIVILEGES ON \`$DB_DATABASE\`.* TO '$DB_USER'@'$host'"
done
version=$(sql "SELECT VERSION()")
echo "MariaDB $version ready on 127.0.0.1:3306 (database $DB_DATABASE, user $DB_USER)"
