"""The casualty rules behind `bilan_casualties`: pure logic over tagged tokens."""
