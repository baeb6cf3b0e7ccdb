# SPDX-License-Identifier: GPL-2.0
# Source it: when no git identity is configured (CI), give git one for
# test exports only. It never reaches out/: `make series` refuses to run
# without your own identity.
if ! git config user.name >/dev/null || ! git config user.email >/dev/null; then
	export GIT_CONFIG_COUNT=2
	export GIT_CONFIG_KEY_0=user.name GIT_CONFIG_VALUE_0="leb128-lineinfo check"
	export GIT_CONFIG_KEY_1=user.email GIT_CONFIG_VALUE_1="check@leb128-lineinfo.invalid"
fi
