@echo off
rem LowMag launcher for Windows, the same as ./lowmag: in a source checkout it builds the runnable
rem jar when it is missing or older than the sources (a JDK 17 is all it needs), then runs it; in a
rem release folder (lowmag.jar beside lib\, no pom.xml) it runs that jar as it is. The exit code is
rem LowMag's (0 success, 1 failure, 2 usage error). LOWMAG_JAVA_OPTS replaces the default -Xmx16g.
setlocal
set "HERE=%~dp0"
if "%HERE:~-1%"=="\" set "HERE=%HERE:~0,-1%"
set "JAR=%HERE%\target\lowmag.jar"
if not exist "%HERE%\lowmag.jar" goto checkout
if exist "%HERE%\pom.xml" goto checkout
set "JAR=%HERE%\lowmag.jar"
goto run

:checkout
if not exist "%JAR%" goto build
if not exist "%HERE%\target\lib" goto build
powershell -NoProfile -NonInteractive -Command "$j = (Get-Item -LiteralPath $env:JAR).LastWriteTime; $newer = Get-ChildItem -LiteralPath (Join-Path $env:HERE 'src\main'), (Join-Path $env:HERE 'pom.xml') -Recurse -File | Where-Object { $_.LastWriteTime -gt $j } | Select-Object -First 1; if ($newer) { exit 1 } else { exit 0 }"
if errorlevel 1 goto build
goto run

:build
echo lowmag: building (first use or sources changed; takes a minute)... 1>&2
set "MVN=%HERE%\mvnw.cmd"
where mvn >nul 2>nul
if not errorlevel 1 set "MVN=mvn"
pushd "%HERE%"
call "%MVN%" -q -B -Dmaven.test.skip=true -Dspotless.check.skip=true -Dassembly.skipAssembly=true package > "%HERE%\target.build.log" 2>&1
set "BUILD_RC=%ERRORLEVEL%"
popd
if "%BUILD_RC%"=="0" goto built
echo lowmag: build failed; see "%HERE%\target.build.log" 1>&2
powershell -NoProfile -NonInteractive -Command "Get-Content -Tail 20 -LiteralPath (Join-Path $env:HERE 'target.build.log')" 1>&2
exit /b 1

:built
del "%HERE%\target.build.log"

:run
set "OPT_OUT_TRACKING=true"
if not defined LOWMAG_JAVA_OPTS set "LOWMAG_JAVA_OPTS=-Xmx16g"
java %LOWMAG_JAVA_OPTS% -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Djava.awt.headless=true -jar "%JAR%" %*
exit /b %ERRORLEVEL%
