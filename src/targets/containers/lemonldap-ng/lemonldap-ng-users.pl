#!/usr/bin/perl
# Loads the test users (a JSON array of {user, password, name, mail} on stdin) into the
# SQLite table LemonLDAP::NG's DBI authentication reads (lmConf-1.json: dbiAuth*).
use strict;
use warnings;
use DBI;
use JSON;

my $users = decode_json( do { local $/; <STDIN> } );
my $dbh = DBI->connect( 'dbi:SQLite:dbname=/var/lib/lemonldap-ng/users.db', '', '', { RaiseError => 1, AutoCommit => 1 } );
$dbh->do('DROP TABLE IF EXISTS users');
$dbh->do('CREATE TABLE users (user TEXT PRIMARY KEY, password TEXT NOT NULL, name TEXT, mail TEXT)');
my $insert = $dbh->prepare('INSERT INTO users (user, password, name, mail) VALUES (?, ?, ?, ?)');
$insert->execute( @{$_}{qw(user password name mail)} ) for @$users;
$dbh->disconnect;
