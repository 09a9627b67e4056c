/*
 * fuzz_scenario.c - libFuzzer target for the txtar and scenario-script
 * parser: any bytes as a scenario file must parse or be refused cleanly.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "migsim/scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	ms_scenario *sc = NULL;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (ms_scenario_parse(&sc, "fuzz.txtar", text, size, NULL) == MS_OK)
		ms_scenario_free(sc);
	free(text);
	return 0;
}
