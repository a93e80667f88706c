# A CAPTCHA module that offers none (the interface of Lemonldap::NG::Portal::Captcha's POD).
# The portal loads a CAPTCHA module at start even when no form asks for one, and its
# default (GD::SecurityImage with Image::Magick) pulls in an image toolchain; the harness
# enables no CAPTCHA (lmConf-1.json: captcha_*_enabled 0), so this one refuses any check.
package Lemonldap::NG::Portal::Captcha::Disabled;

use strict;
use Mouse;

our $VERSION = '2.16.1';

extends 'Lemonldap::NG::Portal::Main::Plugin';

sub init { return 1; }

sub init_captcha { return; }

sub check_captcha { return 0; }

1;
