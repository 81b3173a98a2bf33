/* fuzz_config.c: the check configuration file (INI through inih, then our keys and values) on arbitrary bytes:
 * a clear error or a configuration, never a crash. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	jx_check_config *cfg = jx_check_config_new();
	if (!cfg)
		abort();
	int rc = jx_check_config_parse(cfg, text, "fuzz.ini");
	if (rc != 0 && jx_error_last()[0] == '\0')
		abort();
	for (size_t i = 0; i < jx_rule_count(); i++) {
		jx_severity s = jx_check_config_severity(cfg, jx_rule_at(i));
		if (s < JX_SEV_OFF || s > JX_SEV_ERROR)
			abort();
	}
	jx_check_config_free(cfg);
	free(text);
	return 0;
}
