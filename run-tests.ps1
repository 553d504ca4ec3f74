# PowerShell equivalent of run-tests.sh (Windows or pwsh elsewhere):
#   ./run-tests.ps1                          unit + integration tests
#   ./run-tests.ps1 tests/unit -k codec      any pytest arguments; a path replaces the defaults
#   $env:HZ_VERSION = "3.11.7"; ./run-tests.ps1
# Needs Python 3.9+, a JDK (java, javac) and Maven (mvn) on PATH.
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = Split-Path -Parent $MyInvocation.MyCommand.Path
Set-Location $Root

if (-not $env:HZ_VERSION) { $env:HZ_VERSION = "3.12.13" }
$Version = $env:HZ_VERSION

$Python = $env:PYTHON
if (-not $Python) {
    foreach ($candidate in @("python", "python3", "py")) {
        if (Get-Command $candidate -ErrorAction SilentlyContinue) { $Python = $candidate; break }
    }
}
if (-not $Python) { throw "Python 3.9+ was not found on PATH" }

function Invoke-Checked([string]$What, [scriptblock]$Block) {
    & $Block
    if ($LASTEXITCODE -ne 0) { throw "$What failed with exit code $LASTEXITCODE" }
}

# --- Python test dependencies ---------------------------------------------------------
# psutil: the optional [stats] extra, for the statistics tests' os./runtime. figures.
# The TLS and cloud tests need stunnel (stunnel4) and the openssl tool on PATH; run-tests.sh
# installs them with apt-get on Debian. Here install them yourself (e.g. the stunnel and
# OpenSSL Windows installers), or those tests fail saying what is missing.
& $Python -c "import pytest, hypothesis, psutil" 2>$null
if ($LASTEXITCODE -ne 0) {
    Write-Host "installing pytest, hypothesis and psutil"
    Invoke-Checked "pip install" { & $Python -m pip install --quiet --disable-pip-version-check pytest hypothesis psutil }
}
$Sep = [System.IO.Path]::PathSeparator
if ($env:PYTHONPATH) { $env:PYTHONPATH = "$Root$Sep$($env:PYTHONPATH)" } else { $env:PYTHONPATH = "$Root" }

# --- tools ------------------------------------------------------------------------------
foreach ($tool in @("java", "javac", "mvn")) {
    if (-not (Get-Command $tool -ErrorAction SilentlyContinue)) {
        throw "$tool not found on PATH: install a JDK (8+; 17 tested) and Maven 3"
    }
}

# --- Hazelcast jars into .cache/hazelcast/<version>/ ------------------------------------
$JarDir = Join-Path $Root (Join-Path ".cache\hazelcast" $Version)
New-Item -ItemType Directory -Force -Path $JarDir | Out-Null
foreach ($artifact in @("hazelcast", "hazelcast-client")) {
    $jar = Join-Path $JarDir "$artifact-$Version.jar"
    if (-not (Test-Path $jar)) {
        Write-Host "fetching com.hazelcast:${artifact}:$Version from Maven Central"
        $tmp = Join-Path $JarDir (".fetch-" + [System.Guid]::NewGuid().ToString("N"))
        New-Item -ItemType Directory -Force -Path $tmp | Out-Null
        try {
            Invoke-Checked "mvn dependency:copy $artifact" {
                & mvn -B -q dependency:copy "-Dartifact=com.hazelcast:${artifact}:$Version" "-DoutputDirectory=$tmp"
            }
            Move-Item -Force (Join-Path $tmp "$artifact-$Version.jar") $jar
        } finally {
            Remove-Item -Recurse -Force $tmp -ErrorAction SilentlyContinue
        }
    }
}
$env:HZ_JAR = Join-Path $JarDir "hazelcast-$Version.jar"
$env:HZ_CLIENT_JAR = Join-Path $JarDir "hazelcast-client-$Version.jar"

# --- older members for tests/integration/test_older_members.py (member jars only) ------
if ($null -eq $env:HZ_OLDER_VERSIONS) { $env:HZ_OLDER_VERSIONS = "3.6.8 3.9.4" }
foreach ($older in ($env:HZ_OLDER_VERSIONS -split "\s+" | Where-Object { $_ })) {
    $olderDir = Join-Path $Root (Join-Path ".cache\hazelcast" $older)
    $olderJar = Join-Path $olderDir "hazelcast-$older.jar"
    if (-not (Test-Path $olderJar)) {
        New-Item -ItemType Directory -Force -Path $olderDir | Out-Null
        Write-Host "fetching com.hazelcast:hazelcast:$older from Maven Central"
        & mvn -B -q dependency:copy "-Dartifact=com.hazelcast:hazelcast:$older" "-DoutputDirectory=$olderDir"
        if ($LASTEXITCODE -ne 0) { Write-Host "could not fetch Hazelcast $older" }
    }
}

# --- Java test classes: tests/java/src -> tests/java/build/<version> --------------------
$Src = Join-Path $Root "tests\java\src"
$Out = Join-Path $Root (Join-Path "tests\java\build" $Version)
$sources = @()
if (Test-Path $Src) { $sources = @(Get-ChildItem -Path $Src -Recurse -Filter *.java | ForEach-Object { $_.FullName }) }
if ($sources.Count -gt 0) {
    Write-Host "compiling $($sources.Count) Java test file(s) against Hazelcast $Version"
    if (Test-Path $Out) { Remove-Item -Recurse -Force $Out }
    New-Item -ItemType Directory -Force -Path $Out | Out-Null
    $argFile = Join-Path $Out ".files"
    # javac's @file: one quoted path per line, backslashes doubled
    $sources | ForEach-Object { '"' + ($_ -replace '\\', '\\') + '"' } | Set-Content -Encoding ASCII $argFile
    Invoke-Checked "javac" {
        & javac -nowarn -encoding UTF-8 -d $Out -cp "$($env:HZ_JAR)$Sep$($env:HZ_CLIENT_JAR)" "@$argFile"
    }
    Remove-Item $argFile
    # resources next to the sources go along
    Get-ChildItem -Path $Src -Recurse -File | Where-Object { $_.Extension -ne ".java" } | ForEach-Object {
        $relative = $_.FullName.Substring($Src.Length).TrimStart('\', '/')
        $target = Join-Path $Out $relative
        New-Item -ItemType Directory -Force -Path (Split-Path -Parent $target) | Out-Null
        Copy-Item $_.FullName $target
    }
    $env:HZ_TEST_CLASSES = $Out
} else {
    Write-Host "no Java test sources under tests/java/src: nothing to compile"
}
if (-not $env:HZ_REQUIRE_MEMBERS) { $env:HZ_REQUIRE_MEMBERS = "1" }
if (-not $env:HZ_REQUIRE_COMPAT) { $env:HZ_REQUIRE_COMPAT = "1" }  # tests/compat must not skip here

# --- generated protocol code must match its definitions -------------------------------
if (Test-Path (Join-Path $Root "codegen\__main__.py")) {
    Invoke-Checked "codegen --check" { & $Python -m codegen --check }
}

# --- tests ------------------------------------------------------------------------------
$paths = @("tests/unit", "tests/compat", "tests/integration")
foreach ($arg in $args) {
    $candidate = ("$arg" -split "::")[0]
    if (-not "$arg".StartsWith("-") -and (Test-Path $candidate)) { $paths = @(); break }
}
$paths = @($paths | Where-Object { Test-Path $_ })
& $Python -m pytest -ra @paths @args
exit $LASTEXITCODE
